import 'reflect-metadata';
import * as transformerStorage from 'class-transformer/cjs/storage.js';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { EventRegistry } from '../catalog';
import type { EventKey } from '../catalog';

/** One payload field as a consumer sees it: path, required or not, and the rules a value must pass. */
export interface FieldShape {
  required: boolean;
  /** Sorted rule descriptors, e.g. `isIn:["A","B"]`, `matches:/^...$/`, `each:isString`. */
  rules: string[];
}

export interface EventShape {
  topic: string;
  fields: Record<string, FieldShape>;
}

export type CatalogShape = Record<string, EventShape>;

type Ctor = new () => object;

// class-transformer keeps @Type metadata in an internal singleton it does not export from its entry point.
const { defaultMetadataStorage } = transformerStorage as unknown as { defaultMetadataStorage: MetadataStorage };

function describeRule(m: { type: string; name?: string; constraints?: unknown[]; each?: boolean }): string | undefined {
  if (m.type === 'conditionalValidation' || m.type === 'nestedValidation' || m.type === 'whitelistValidation') return undefined;
  const name = m.type === 'customValidation' ? (m.name ?? 'custom') : m.type;
  const constraints = (m.constraints ?? []).filter(
    (c) => c !== undefined && ((typeof c !== 'function' && typeof c !== 'object') || Array.isArray(c) || c instanceof RegExp),
  );
  const args = constraints.length ? `:${constraints.map((c) => (c instanceof RegExp ? String(c) : JSON.stringify(c))).join(',')}` : '';
  return `${m.each ? 'each:' : ''}${name}${args}`;
}

function describeClass(target: Ctor, prefix: string, out: Record<string, FieldShape>, seen: Set<Ctor>): void {
  if (seen.has(target)) return;
  seen.add(target);
  const metas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byProperty = new Map<string, typeof metas>();
  for (const m of metas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  for (const [property, list] of byProperty) {
    const path = `${prefix}${property}`;
    const optional = list.some((m) => m.type === 'conditionalValidation');
    const rules = list.map(describeRule).filter((r): r is string => r !== undefined);
    out[path] = { required: !optional, rules: [...new Set(rules)].sort() };
    if (list.some((m) => m.type === 'nestedValidation')) {
      const typeMeta = defaultMetadataStorage.findTypeMetadata(target, property);
      const nested = typeMeta?.typeFunction() as Ctor | undefined;
      if (nested) describeClass(nested, `${path}${list.some((m) => m.each) ? '[]' : ''}.`, out, new Set(seen));
    }
  }
}

/** The consumer-visible shape of every event in the catalog (what a compatibility check compares). */
export function describeCatalog(): CatalogShape {
  const shape: CatalogShape = {};
  for (const key of Object.keys(EventRegistry).sort() as EventKey[]) {
    const fields: Record<string, FieldShape> = {};
    describeClass(EventRegistry[key].payload as Ctor, '', fields, new Set());
    shape[key] = { topic: EventRegistry[key].topic, fields: Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))) };
  }
  return shape;
}

/**
 * What would break a consumer (or a producer still sending the previous version) if `next` replaced `previous`
 * under the same event key: a removed event or field, a moved topic, a field that became required, a new required
 * field, or a tightened rule. Loosening (a field turning optional, a rule dropped) and new optional fields are fine.
 * A breaking change needs a new version of the event instead.
 */
export function breakingChanges(previous: CatalogShape, next: CatalogShape): string[] {
  const problems: string[] = [];
  for (const [key, before] of Object.entries(previous)) {
    const after = next[key];
    if (!after) {
      problems.push(`${key}: removed (consumers still read it; keep it until no producer sends it)`);
      continue;
    }
    if (after.topic !== before.topic) problems.push(`${key}: moved from ${before.topic} to ${after.topic}`);
    for (const [field, was] of Object.entries(before.fields)) {
      const now = after.fields[field];
      if (!now) problems.push(`${key}: field ${field} removed`);
      else {
        if (now.required && !was.required) problems.push(`${key}: field ${field} became required`);
        for (const rule of now.rules) {
          if (!was.rules.includes(rule) && !widensEnum(rule, was.rules)) problems.push(`${key}: field ${field} has a new or changed rule ${rule}`);
        }
      }
    }
    for (const [field, now] of Object.entries(after.fields)) {
      if (!before.fields[field] && now.required && !isUnderNewOptionalParent(field, before, after)) {
        problems.push(`${key}: new required field ${field}`);
      }
    }
  }
  return problems;
}

/** `a.b` is new and required, but `a` itself is new and optional: old messages without `a` still pass. */
function isUnderNewOptionalParent(field: string, before: EventShape, after: EventShape): boolean {
  const parts = field.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = parts.slice(0, i).join('.').replace(/\[\]$/, '');
    if (!before.fields[parent] && after.fields[parent] && !after.fields[parent].required) return true;
  }
  return false;
}

/** An `isIn` list that only gained values accepts every message the old one did. */
function widensEnum(rule: string, previousRules: string[]): boolean {
  const values = (r: string): string[] | undefined => {
    const m = /^(each:)?isIn:(\[.*\])$/.exec(r);
    return m ? (JSON.parse(m[2]) as string[]) : undefined;
  };
  const now = values(rule);
  if (!now) return false;
  const prefix = rule.startsWith('each:') ? 'each:' : '';
  return previousRules.some((r) => r.startsWith(`${prefix}isIn:`) && (values(r) ?? []).every((v) => now.includes(v)));
}
