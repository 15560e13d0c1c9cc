import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { IsInt, IsNotEmpty, IsString, IsUUID, Matches, Min, ValidateIf } from 'class-validator';
import { EventRegistry, isEventKey } from './catalog';
import type { AnyEvent, EventCatalog, EventKey, EventOf, EventTypeOf, EventVersionOf } from './catalog';
import { IsUtcTimestamp } from './validation/decorators';
import { compiledValidate } from './validation/compiled';
import type { ValidationOutcome } from './validation/compiled';
import { EventValidationError } from './validation/errors';
import type { FieldError } from './validation/errors';

export interface EventMeta {
  /** Producing service name, e.g. `network`. */
  source: string;
  serviceCenterId?: string | null;
  /** Defaults to the new event's id (the event starts a causal chain). */
  correlationId?: string;
  /** Overrides, mostly for tests and replays. */
  id?: string;
  occurredAt?: string;
}

/** How a class is decoded and validated: `compiledValidate`, or `referenceValidate` to compare with class-validator. */
export type Validate = <T extends object>(cls: new () => T, plain: object, prefix?: string) => ValidationOutcome<T>;

function validatePayload(key: EventKey, payload: unknown, prefix: string, validate: Validate): { instance?: object; errors: FieldError[] } {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { errors: [{ field: prefix || 'payload', rule: 'isObject', message: `${prefix || 'payload'} must be an object` }] };
  }
  return validate(EventRegistry[key].payload as new () => object, payload, prefix);
}

/**
 * Builds an envelope for catalog event `key`. The payload is validated against its class;
 * an invalid payload throws `EventValidationError` (so it never reaches an outbox or a topic).
 */
export function createEvent<K extends EventKey>(key: K, payload: EventCatalog[K]['payload'], meta: EventMeta): EventOf<K> {
  if (!isEventKey(key)) throw new Error(`unknown event ${String(key)}`);
  const { errors } = validatePayload(key, payload, '', compiledValidate);
  if (errors.length) throw new EventValidationError(key, errors);
  const dot = key.lastIndexOf('.v');
  const id = meta.id ?? randomUUID();
  return {
    id,
    type: key.slice(0, dot) as EventTypeOf<K>,
    version: Number(key.slice(dot + 2)) as EventVersionOf<K>,
    occurredAt: meta.occurredAt ?? new Date().toISOString(),
    source: meta.source,
    serviceCenterId: meta.serviceCenterId ?? null,
    correlationId: meta.correlationId ?? id,
    payload,
  } as EventOf<K>;
}

class EnvelopeDto {
  @IsUUID('4')
  id!: string;

  @IsString()
  @Matches(/^[A-Z][A-Za-z0-9]*$/, { message: 'type must be a PascalCase event name' })
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsUtcTimestamp()
  occurredAt!: string;

  @IsString()
  @IsNotEmpty()
  source!: string;

  @ValidateIf((o: EnvelopeDto) => o.serviceCenterId !== null)
  @IsString()
  @IsNotEmpty()
  serviceCenterId!: string | null;

  @IsString()
  @IsNotEmpty()
  correlationId!: string;
}

export type ParseEventResult = { ok: true; event: AnyEvent } | { ok: false; errors: FieldError[] };

/**
 * Validates an incoming envelope (object, JSON string or Buffer) and its payload against the catalog.
 * Unknown properties are stripped (whitelist), so adding an optional field is not a breaking change.
 * An unknown type or version is an error (`rule: 'unknownEvent'` / `'unknownVersion'`).
 */
export function parseEvent(raw: unknown, validate: Validate = compiledValidate): ParseEventResult {
  let value = raw;
  if (typeof value === 'string' || Buffer.isBuffer(value)) {
    try {
      value = JSON.parse(value.toString());
    } catch (e) {
      return { ok: false, errors: [{ field: '', rule: 'json', message: `not JSON: ${(e as Error).message}` }] };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [{ field: '', rule: 'isObject', message: 'event must be a JSON object' }] };
  }
  const { payload, ...envelopeFields } = value as Record<string, unknown>;
  const { instance: envelope, errors } = validate(EnvelopeDto, envelopeFields);
  if (!('payload' in value)) errors.push({ field: 'payload', rule: 'isDefined', message: 'payload should not be null or undefined' });

  const typeOk = !errors.some((e) => e.field === 'type' || e.field === 'version');
  if (typeOk) {
    const key = `${envelope.type}.v${envelope.version}`;
    if (!isEventKey(key)) {
      const known = Object.keys(EventRegistry).some((k) => k.startsWith(`${envelope.type}.v`));
      errors.push(
        known
          ? { field: 'version', rule: 'unknownVersion', message: `unknown version ${envelope.version} of event ${envelope.type}` }
          : { field: 'type', rule: 'unknownEvent', message: `unknown event type ${envelope.type}` },
      );
    } else if ('payload' in value) {
      const result = validatePayload(key, payload, 'payload', validate);
      errors.push(...result.errors);
      if (!errors.length) {
        const event = {
          id: envelope.id,
          type: envelope.type,
          version: envelope.version,
          occurredAt: envelope.occurredAt,
          source: envelope.source,
          serviceCenterId: envelope.serviceCenterId,
          correlationId: envelope.correlationId,
          payload: result.instance,
        } as AnyEvent;
        return { ok: true, event };
      }
    }
  }
  return { ok: false, errors };
}

/** Like `parseEvent` but throws `EventValidationError`. */
export function parseEventOrThrow(raw: unknown): AnyEvent {
  const result = parseEvent(raw);
  if (!result.ok) throw new EventValidationError('event', result.errors);
  return result.event;
}
