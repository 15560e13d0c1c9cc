/**
 * Compile-time checks of the typed topic map (type-checked by `npx tsc -p tools/typecheck/tsconfig.json`, never run).
 * Every `@ts-expect-error` line must fail to compile; if it starts compiling, tsc reports an unused directive.
 */
import {
  AnyEvent,
  createEvent,
  EventKey,
  EventOf,
  EventOnTopic,
  EventVersionOf,
  EventTypeOf,
  sampleServiceCenter,
  sampleStaff,
  TopicName,
  Topics,
} from './index';

declare function publish<T extends TopicName>(topic: T, events: EventOnTopic<T> | EventOnTopic<T>[]): Promise<void>;

const center = createEvent('ServiceCenterUpserted.v1', sampleServiceCenter(), { source: 'network' });
const staff = createEvent('StaffUpserted.v1', sampleStaff(), { source: 'network' });

// Literal type/version on the created envelope.
const t: 'ServiceCenterUpserted' = center.type;
const v: 1 = center.version;
const k1: EventTypeOf<'StaffUpserted.v1'> = 'StaffUpserted';
const k2: EventVersionOf<'StaffUpserted.v1'> = 1;

// Right payload on the right topic compiles.
void publish(Topics.network, center);
void publish(Topics.network, [center, staff]);
void publish('aftersales.network.events', staff);

// @ts-expect-error wrong payload for the event key
createEvent('StaffUpserted.v1', sampleServiceCenter(), { source: 'network' });

// @ts-expect-error unknown event key
createEvent('StaffUpserted.v2', sampleStaff(), { source: 'network' });

// @ts-expect-error network events do not travel on the calls topic
void publish(Topics.calls, center);

// @ts-expect-error a batch with a network event on the job-orders topic
void publish(Topics['job-orders'], [staff]);

// @ts-expect-error not a topic
void publish('aftersales.unknown.events', center);

// @ts-expect-error a ServiceCenterUpserted envelope carrying a staff payload
void publish(Topics.network, { ...center, payload: sampleStaff() });

// @ts-expect-error a StaffUpserted envelope with a wrong version
void publish(Topics.network, { ...staff, version: 2 });

// @ts-expect-error createEvent requires the source
createEvent('StaffUpserted.v1', sampleStaff(), {});

// @ts-expect-error the version literal is checked
const wrongVersion: EventOf<'StaffUpserted.v1'>['version'] = 2;

// Narrowing AnyEvent by type gives the payload type.
function handle(event: AnyEvent): string {
  if (event.type === 'StaffUpserted') return event.payload.role;
  // @ts-expect-error a ServiceCenterUpserted payload has no role
  return event.payload.role;
}

const keys: EventKey[] = ['ServiceCenterUpserted.v1', 'StaffUpserted.v1'];

export const _typetest = [t, v, k1, k2, wrongVersion, handle, keys];
