/**
 * Every message on an `aftersales.*.events` topic is one JSON-encoded envelope.
 * `id` is the idempotency key: consumers skip an id they have already processed.
 */
export interface EventEnvelope<TPayload = unknown, TType extends string = string, TVersion extends number = number> {
  /** UUID v4; unique per event, the idempotency key. */
  id: string;
  /** Event name, e.g. `ServiceCenterUpserted`. */
  type: TType;
  /** Payload schema version (integer >= 1); a breaking change is a new version. */
  version: TVersion;
  /** ISO-8601 UTC timestamp of the fact. */
  occurredAt: string;
  /** Producing service, e.g. `network`. */
  source: string;
  /** Service center the event concerns, or null for network-wide facts. */
  serviceCenterId: string | null;
  /** Carried over from the request/event that caused this one. */
  correlationId: string;
  payload: TPayload;
}
