import mongoose from 'mongoose';
import type { Schema, UpdateQuery } from 'mongoose';
import type { EventEnvelope } from '@aftersales/contracts';
import { traceHeaders } from '@aftersales/platform-core';

/** Fields an aggregate document carries for the outbox. */
export interface OutboxFields {
  /** Events written with the state change and not yet published, oldest first. */
  outbox: EventEnvelope[];
  /** True while `outbox` may hold unpublished events (indexed; the relay polls on it). */
  outboxPending: boolean;
}

export const OUTBOX_FIELD = 'outbox';
export const OUTBOX_PENDING_FIELD = 'outboxPending';

/**
 * Mongoose schema plugin adding `outbox` (array, not selected by default) and `outboxPending` (indexed boolean).
 * Usage: `MySchema.plugin(outboxPlugin)`.
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    [OUTBOX_FIELD]: { type: [mongoose.Schema.Types.Mixed], default: [], select: false },
    [OUTBOX_PENDING_FIELD]: { type: Boolean, default: false, index: true },
  });
}

/**
 * The W3C trace context (`traceparent`, `tracestate`) of the request that wrote an outbox entry: the
 * relay publishes the entry later, outside that request, and sends it as Kafka headers so the
 * consumers' spans join the request's trace. Not part of the event contract: the relay strips it.
 */
export const OUTBOX_TRACE_FIELD = 'trace';

/** An outbox entry as stored: the envelope, and the trace context when the writer was traced. */
export type OutboxEntry = EventEnvelope & { [OUTBOX_TRACE_FIELD]?: Record<string, string> };

/** Plain-object events (no class instances, no undefined) as stored in the document. */
function plain(events: readonly EventEnvelope[]): OutboxEntry[] {
  const trace = traceHeaders();
  const traced = Object.keys(trace).length > 0;
  return events.map((e) => {
    const entry = JSON.parse(JSON.stringify(e)) as OutboxEntry;
    if (traced) entry[OUTBOX_TRACE_FIELD] = trace;
    return entry;
  });
}

/** For inserts: `Model.create({ ...state, ...outboxFields(events) })`. */
export function outboxFields(events: readonly EventEnvelope[]): OutboxFields {
  return { outbox: plain(events), outboxPending: events.length > 0 };
}

/**
 * For updates: adds the events to `update` so that the state change and its events are written by ONE
 * single-document update (atomic without transactions):
 * `$push: { outbox: { $each: events } }, $set: { outboxPending: true }`.
 * Top-level (non-operator) fields of `update` are moved into `$set`. Throws if `update` already touches the outbox fields.
 */
export function withOutbox<T = unknown>(update: UpdateQuery<T>, events: readonly EventEnvelope[]): UpdateQuery<T> {
  const result: Record<string, Record<string, unknown>> = {};
  const implicitSet: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(update as Record<string, unknown>)) {
    if (key.startsWith('$')) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new Error(`withOutbox: update operator ${key} must be an object`);
      }
      for (const field of Object.keys(value)) {
        if (field === OUTBOX_FIELD || field === OUTBOX_PENDING_FIELD || field.startsWith(`${OUTBOX_FIELD}.`)) {
          throw new Error(`withOutbox: the update must not touch ${field} itself`);
        }
      }
      result[key] = { ...(value as Record<string, unknown>) };
    } else {
      if (key === OUTBOX_FIELD || key === OUTBOX_PENDING_FIELD) throw new Error(`withOutbox: the update must not touch ${key} itself`);
      implicitSet[key] = value;
    }
  }
  if (Object.keys(implicitSet).length) result.$set = { ...implicitSet, ...result.$set };
  if (!events.length) return result as UpdateQuery<T>;
  result.$set = { ...result.$set, [OUTBOX_PENDING_FIELD]: true };
  result.$push = { ...result.$push, [OUTBOX_FIELD]: { $each: plain(events) } };
  return result as UpdateQuery<T>;
}
