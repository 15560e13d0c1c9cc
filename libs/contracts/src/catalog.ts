import type { EventEnvelope } from './envelope';
import { CallsEventRegistry } from './events/calls/catalog';
import type { CallsEventCatalog } from './events/calls/catalog';
import { ComplaintsEventRegistry } from './events/complaints/catalog';
import type { ComplaintsEventCatalog } from './events/complaints/catalog';
import { JobOrdersEventRegistry } from './events/job-orders/catalog';
import type { JobOrdersEventCatalog } from './events/job-orders/catalog';
import { NetworkEventRegistry } from './events/network/catalog';
import type { NetworkEventCatalog } from './events/network/catalog';
import { PartsEventRegistry } from './events/parts/catalog';
import type { PartsEventCatalog } from './events/parts/catalog';
import { SurveysEventRegistry } from './events/surveys/catalog';
import type { SurveysEventCatalog } from './events/surveys/catalog';
import { WorkshopEventRegistry } from './events/workshop/catalog';
import type { WorkshopEventCatalog } from './events/workshop/catalog';
import { Topics } from './topics';
import type { PayloadClass, TopicName } from './topics';

export { Topics } from './topics';
export type { PayloadClass, RegistryOf, TopicName } from './topics';

/**
 * Every event the platform knows: `'<Type>.v<version>'` -> topic it travels on + payload class.
 * Each producing service keeps its fragment in `events/<service>/catalog.ts` (interface + registry);
 * adding an event = a payload class and a line in both halves of its fragment (the compiler enforces the pairing).
 */
export interface EventCatalog
  extends NetworkEventCatalog,
    CallsEventCatalog,
    JobOrdersEventCatalog,
    ComplaintsEventCatalog,
    WorkshopEventCatalog,
    PartsEventCatalog,
    SurveysEventCatalog {}

export type EventKey = keyof EventCatalog;

/** `'ServiceCenterUpserted.v1'` -> `'ServiceCenterUpserted'`. */
export type EventTypeOf<K extends string> = K extends `${infer T}.v${number}` ? T : never;
/** `'ServiceCenterUpserted.v1'` -> `1`. */
export type EventVersionOf<K extends string> = K extends `${string}.v${infer V extends number}` ? V : never;

/** The envelope of catalog event `K`, with literal `type` and `version`. */
export type EventOf<K extends EventKey> = EventEnvelope<EventCatalog[K]['payload'], EventTypeOf<K>, EventVersionOf<K>>;

/** Union of every catalog event (discriminated by `type` + `version`). */
export type AnyEvent = { [K in EventKey]: EventOf<K> }[EventKey];

/** Keys of the events that travel on topic `T`. */
export type EventKeyOnTopic<T extends TopicName> = {
  [K in EventKey]: EventCatalog[K]['topic'] extends T ? K : never;
}[EventKey];

/** Union of the events allowed on topic `T` (`never` for a topic without events yet). */
export type EventOnTopic<T extends TopicName> = { [K in EventKeyOnTopic<T>]: EventOf<K> }[EventKeyOnTopic<T>];

/** Runtime side of the catalog; the mapped type makes a missing or mismatched entry a compile error. */
export const EventRegistry: {
  readonly [K in EventKey]: { readonly topic: EventCatalog[K]['topic']; readonly payload: PayloadClass<EventCatalog[K]['payload']> };
} = {
  ...NetworkEventRegistry,
  ...CallsEventRegistry,
  ...JobOrdersEventRegistry,
  ...ComplaintsEventRegistry,
  ...WorkshopEventRegistry,
  ...PartsEventRegistry,
  ...SurveysEventRegistry,
};

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

/** `{type:'X', version: 2}` -> `'X.v2'` (not necessarily a catalog key). */
export function eventKeyOf(event: { type: string; version: number }): string {
  return `${event.type}.v${event.version}`;
}

export function isEventKey(key: string): key is EventKey {
  return Object.prototype.hasOwnProperty.call(EventRegistry, key);
}

export function topicOf(key: EventKey): TopicName {
  if (!isEventKey(key)) throw new Error(`unknown event ${String(key)}`);
  return EventRegistry[key].topic;
}

/** Topic of an event envelope, from its type and version. Throws for an event unknown to the catalog. */
export function topicOfEvent(event: { type: string; version: number }): TopicName {
  const key = eventKeyOf(event);
  if (!isEventKey(key)) throw new Error(`unknown event ${key}`);
  return EventRegistry[key].topic;
}

export function isTopicName(topic: string): topic is TopicName {
  return (ALL_TOPICS as readonly string[]).includes(topic);
}

/** The dead-letter topic of `topic`. */
export function dlqTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

// Compile-time consistency: an envelope type-checks as EventEnvelope.
export type _AssertEnvelope = AnyEvent extends EventEnvelope ? true : never;
