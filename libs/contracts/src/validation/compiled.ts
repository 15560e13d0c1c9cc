import { plainToInstance, TransformationType } from 'class-transformer';
import { defaultMetadataStorage as transformerStorage } from 'class-transformer/cjs/storage.js';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, validateSync, ValidationTypes } from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface, ValidatorOptions } from 'class-validator';
import { ValidationUtils as validationUtils } from 'class-validator/cjs/validation/ValidationUtils.js';
import type { ValidationUtils as ValidationUtilsType } from 'class-validator/types/validation/ValidationUtils';
import { flattenValidationErrors } from './errors';
import type { FieldError } from './errors';

/**
 * Decoding and validating a consumed event, compiled once per class from the decorators' own metadata.
 *
 * `plainToInstance` + `validateSync` looked every class's metadata up again for every object of every
 * event (class-validator scans all registered classes for inherited rules on each nested object, builds
 * a ValidationError per property even when it is valid, and fetches each constraint from its container),
 * a third of job-orders' CPU at 1,000 events/s. Here the lookups are done at first use of a class and
 * the same constraint objects are called with the same arguments, so the rules, the rule names and the
 * messages are class-validator's by construction; only the bookkeeping goes. The walk mirrors
 * class-transformer's TransformOperationExecutor (plain to class) and class-validator's
 * ValidationExecutor (sync, `whitelist`, `forbidUnknownValues`) step for step.
 *
 * It covers what JSON can hold. Anything else (a Date, a Map, a class instance, a key such as
 * `constructor`, a decorator it does not model such as @Expose) sends that call to `referenceValidate`,
 * the libraries' own path, so the answer is the same for every input; `compiled.spec.ts` compares the
 * two on generated payloads.
 */

export const EVENT_VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

export interface ValidationOutcome<T> {
  instance: T;
  errors: FieldError[];
}

type Ctor = new () => object;
/** Any class (a constructor the metadata is keyed by). */
type AnyClass = abstract new (...args: never[]) => unknown;

/** class-transformer + class-validator as they are: the reference the compiled path must agree with. */
export function referenceValidate<T extends object>(cls: new () => T, plain: object, prefix = ''): ValidationOutcome<T> {
  const instance = plainToInstance(cls, plain) as T;
  return { instance, errors: flattenValidationErrors(validateSync(instance, EVENT_VALIDATOR_OPTIONS), prefix) };
}

/** Same answer as `referenceValidate` (instance and errors), several times cheaper. */
export function compiledValidate<T extends object>(cls: new () => T, plain: object, prefix = ''): ValidationOutcome<T> {
  const transformPlan = transformPlanOf(cls);
  if (transformPlan) {
    try {
      const instance = toInstance(transformPlan, plain as Record<string, unknown>) as T;
      const errors: FieldError[] = [];
      execute(instance, prefix, errors);
      return { instance, errors };
    } catch (e) {
      if (e !== BAIL) throw e;
    }
  }
  return referenceValidate(cls, plain, prefix);
}

/** Thrown (and caught above) when a value is outside what the compiled path models. */
const BAIL: unique symbol = Symbol('bail');

// ---------------------------------------------------------------------------------------------------
// Plain to class (class-transformer's TransformOperationExecutor with the default options)

const defaultMetadataStorage: TransformerStorage = transformerStorage;
const ValidationUtils: typeof ValidationUtilsType = validationUtils;

type TransformFn = (params: { value: unknown; key: string; obj: unknown; type: TransformationType; options: object }) => unknown;

interface KeyPlan {
  /** A method or a getter of the class's prototype: class-transformer leaves the key out. */
  skip: boolean;
  /** `@Type`'s class, or undefined (values copied as they are). */
  type: Ctor | undefined;
  transforms: TransformFn[];
}

interface TransformPlan {
  cls: Ctor;
  keys: Map<string, KeyPlan>;
}

const TRANSFORM_OPTIONS = {
  enableCircularCheck: false,
  enableImplicitConversion: false,
  excludeExtraneousValues: false,
  excludePrefixes: undefined,
  exposeDefaultValues: false,
  exposeUnsetFields: true,
  groups: undefined,
  ignoreDecorators: false,
  strategy: undefined,
  targetMaps: undefined,
  version: undefined,
};

const transformPlans = new Map<AnyClass, TransformPlan | null>();

/** null: the class uses a class-transformer feature this path does not model (always the reference path). */
function transformPlanOf(cls: AnyClass): TransformPlan | null {
  let plan = transformPlans.get(cls);
  if (plan === undefined) {
    plan = buildTransformPlan(cls as Ctor);
    transformPlans.set(cls, plan);
  }
  return plan;
}

function buildTransformPlan(cls: Ctor): TransformPlan | null {
  const storage = defaultMetadataStorage;
  if (storage.getStrategy(cls) !== 'none' || storage.getExposedMetadatas(cls).length || storage.getExcludedMetadatas(cls).length) return null;
  let probe: object;
  try {
    probe = new cls();
  } catch {
    return null;
  }
  // Own fields set by the constructor would have to be copied per instance; contracts have none.
  if (Object.keys(probe).length) return null;
  const plan: TransformPlan = { cls, keys: new Map() };
  for (const property of new Set(getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false, undefined).map((m) => m.propertyName))) {
    const key = keyPlan(cls, probe, property);
    if (!key) return null;
    plan.keys.set(property, key);
  }
  return plan;
}

function keyPlan(cls: Ctor, probe: object, key: string): KeyPlan | null {
  const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, key);
  const skip = Boolean((descriptor && !descriptor.set) || (probe as Record<string, unknown>)[key] instanceof Function);
  const meta = defaultMetadataStorage.findTypeMetadata(cls, key);
  let type: Ctor | undefined;
  if (meta) {
    // A type function reading the object (`({ object }) => ...`) could answer differently per value.
    if (meta.options?.discriminator || !meta.typeFunction || meta.typeFunction.length > 0) return null;
    const t = meta.typeFunction({ newObject: {}, object: {}, property: key }) as Ctor | undefined;
    if (t !== undefined && (typeof t !== 'function' || [String, Number, Boolean, Date, Buffer, Map, Set, Promise].includes(t as never))) return null;
    // class-transformer builds an array value with `new reflectedType()` (the property's design type).
    if (meta.reflectedType && meta.reflectedType !== Array && !arrayTypeGivesArray(meta.reflectedType as Ctor)) return null;
    type = t;
  }
  const transforms = defaultMetadataStorage
    .findTransformMetadatas(cls, key, TransformationType.PLAIN_TO_CLASS)
    .filter((m) => !m.options || !m.options.groups || !m.options.groups.length)
    .map((m) => m.transformFn as TransformFn);
  return { skip, type, transforms };
}

function arrayTypeGivesArray(type: Ctor): boolean {
  try {
    const made = new type() as object;
    return !(made instanceof Set) && !('push' in made);
  } catch {
    return false;
  }
}

function keyPlanAtRuntime(plan: TransformPlan, key: string): KeyPlan {
  const known = plan.keys.get(key);
  if (known) return known;
  // A key the validator does not know (whitelist drops it later): planned for this call only.
  const probe = new plan.cls();
  const unknown = keyPlan(plan.cls, probe, key);
  if (!unknown) throw BAIL;
  return unknown;
}

function toInstance(plan: TransformPlan, value: Record<string, unknown>): object {
  const out = new plan.cls() as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor') continue;
    const k = keyPlanAtRuntime(plan, key);
    if (k.skip) continue;
    let v = transformValue(value[key], k.type);
    for (const fn of k.transforms) v = fn({ value: v, key, obj: value, type: TransformationType.PLAIN_TO_CLASS, options: TRANSFORM_OPTIONS });
    out[key] = v;
  }
  return out;
}

function transformValue(value: unknown, type: Ctor | undefined): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') throw BAIL;
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto === Array.prototype) {
    const arr = value as unknown[];
    const out = new Array<unknown>(arr.length);
    for (let i = 0; i < arr.length; i++) {
      if (!(i in arr)) throw BAIL; // forEach skips holes
      out[i] = transformValue(arr[i], type);
    }
    return out;
  }
  if (proto !== Object.prototype || Object.prototype.hasOwnProperty.call(value, 'constructor') || typeof (value as { then?: unknown }).then === 'function') throw BAIL;
  if (type) {
    const plan = transformPlanOf(type);
    if (!plan) throw BAIL;
    return toInstance(plan, value as Record<string, unknown>);
  }
  return copyPlain(value as Record<string, unknown>);
}

/** An object without `@Type`: class-transformer copies it key by key, leaving out Object.prototype's names. */
function copyPlain(value: Record<string, unknown>): object {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, key);
    if ((descriptor && !descriptor.set) || out[key] instanceof Function) continue;
    out[key] = transformValue(value[key], undefined);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Validation (class-validator's ValidationExecutor, validateSync)

interface ValidationMetadataLike {
  type: string;
  name?: string;
  propertyName: string;
  target: AnyClass | string;
  constraints: unknown[];
  constraintCls: AnyClass;
  each: boolean;
  message?: string | ((args: ValidationArguments) => string);
  validateIf?: (object: unknown, value: unknown) => boolean;
}

interface Check {
  metadata: ValidationMetadataLike;
  validateIf: ((object: unknown, value: unknown) => boolean) | undefined;
  each: boolean;
  constraints: { name: string; instance: ValidatorConstraintInterface }[];
  /** Reused for every call: the constraints are synchronous and keep no reference to it. */
  args: ValidationArguments;
}

interface PropertyPlan {
  name: string;
  conditions: ((object: unknown, value: unknown) => boolean)[];
  defined: Check[];
  custom: Check[];
  nested: ValidationMetadataLike[];
}

interface ValidationPlan {
  /** `object.constructor.name` for the constraints' arguments (a getter, slow to call per rule). */
  targetName: string;
  /** No metadata at all: `forbidUnknownValues` refuses the object. */
  unknown: boolean;
  allowed: Set<string>;
  properties: PropertyPlan[];
}

const validationPlans = new Map<AnyClass, ValidationPlan | null>();
const RELEASED = {};

function validationPlanOf(cls: AnyClass): ValidationPlan {
  let plan = validationPlans.get(cls);
  if (plan === undefined) {
    try {
      plan = buildValidationPlan(cls);
    } catch {
      plan = null; // a rule this path does not model: always the reference path
    }
    validationPlans.set(cls, plan);
  }
  if (!plan) throw BAIL;
  return plan;
}

function buildValidationPlan(cls: AnyClass): ValidationPlan {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(cls, '', false, false, undefined) as unknown as ValidationMetadataLike[];
  const grouped = storage.groupByPropertyName(metadatas as never) as unknown as Record<string, ValidationMetadataLike[]>;
  const check = (m: ValidationMetadataLike): Check => ({
    metadata: m,
    validateIf: m.validateIf,
    each: m.each,
    constraints: storage.getTargetValidatorConstraints(m.constraintCls).map((c) => {
      if (c.async) throw new Error('async constraint'); // skipped by validateSync: not compiled
      return { name: c.name, instance: c.instance };
    }),
    args: { targetName: '', property: m.propertyName, object: RELEASED, value: undefined, constraints: m.constraints },
  });
  const properties = Object.keys(grouped).map((name): PropertyPlan => {
    const all = grouped[name];
    const rest = all.filter((m) => m.type !== ValidationTypes.IS_DEFINED && m.type !== ValidationTypes.WHITELIST);
    if (rest.some((m) => m.type === ValidationTypes.PROMISE_VALIDATION)) throw new Error('promise validation');
    return {
      name,
      conditions: rest.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.constraints[0] as (o: unknown, v: unknown) => boolean),
      defined: all.filter((m) => m.type === ValidationTypes.IS_DEFINED).map(check),
      custom: rest.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION).map(check),
      nested: rest.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION),
    };
  });
  return { targetName: cls.name, unknown: metadatas.length === 0, allowed: new Set(Object.keys(grouped)), properties };
}

function fieldOf(prefix: string, property: string): string {
  return prefix ? `${prefix}.${property}` : property;
}

function push(errors: FieldError[], field: string, property: string, constraints: Record<string, string>): void {
  for (const rule of Object.keys(constraints)) {
    const message = constraints[rule];
    errors.push({ field, rule, message: message.startsWith(property) ? field + message.slice(property.length) : message });
  }
}

function execute(object: object, prefix: string, errors: FieldError[]): void {
  const plan = validationPlanOf(object.constructor as AnyClass);
  if (plan.unknown) {
    errors.push({ field: prefix ? `${prefix}.undefined` : (undefined as never), rule: 'unknownValue', message: 'an unknown value was passed to the validate function' });
    return;
  }
  const record = object as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!plan.allowed.has(key)) delete record[key];
  const properties = plan.properties;
  for (let i = 0; i < properties.length; i++) {
    const p = properties[i];
    const value = record[p.name];
    if (value instanceof Promise) throw BAIL;
    performValidations(object, plan.targetName, value, p.name, p, prefix, errors);
  }
}

function performValidations(
  object: object,
  targetName: string,
  value: unknown,
  property: string,
  p: Pick<PropertyPlan, 'conditions' | 'defined' | 'custom' | 'nested'>,
  prefix: string,
  errors: FieldError[],
): void {
  let ok = true;
  // All conditions are evaluated, as class-validator does (map, then reduce).
  for (let i = 0; i < p.conditions.length; i++) ok = p.conditions[i](object, value) && ok;
  if (!ok) return;
  let constraints: Record<string, string> | undefined;
  for (let i = 0; i < p.defined.length; i++) constraints = customValidation(object, targetName, value, p.defined[i], constraints);
  for (let i = 0; i < p.custom.length; i++) constraints = customValidation(object, targetName, value, p.custom[i], constraints);
  if (p.nested.length && value !== undefined) {
    if (value instanceof Set || value instanceof Map) throw BAIL;
    const field = fieldOf(prefix, property);
    if (Array.isArray(value) || value instanceof Object) {
      if (constraints) push(errors, field, property, constraints);
      // Each nested rule walks the value again, as class-validator does.
      for (let n = 0; n < p.nested.length; n++) {
        if (Array.isArray(value)) {
          const element = { conditions: [], defined: [], custom: [], nested: p.nested };
          for (let i = 0; i < value.length; i++) performValidations(value, 'Array', value[i], String(i), element, field, errors);
        } else {
          execute(value as object, field, errors);
        }
      }
      return;
    }
    for (const m of p.nested) {
      constraints ??= {};
      constraints[m.type] = message(m, { targetName: m.target.constructor?.name, property: m.propertyName, object: m.target as object, value, constraints: m.constraints }, undefined);
    }
  }
  if (constraints) push(errors, fieldOf(prefix, property), property, constraints);
}

function customValidation(
  object: object,
  targetName: string,
  value: unknown,
  c: Check,
  constraints: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (c.validateIf && !c.validateIf(object, value)) return constraints;
  for (let i = 0; i < c.constraints.length; i++) {
    const constraint = c.constraints[i];
    const args = c.args;
    args.targetName = targetName;
    args.object = object;
    args.value = value;
    let valid: unknown;
    if (!c.each || !(Array.isArray(value) || value instanceof Set || value instanceof Map)) {
      valid = constraint.instance.validate(value, args);
    } else {
      if (!Array.isArray(value)) throw BAIL;
      const results = value.map((sub) => constraint.instance.validate(sub, args));
      valid = results.some(isPromise) || results.every((r) => r);
    }
    args.object = RELEASED;
    args.value = undefined;
    if (isPromise(valid) || valid) continue;
    const failure = { targetName, property: c.metadata.propertyName, object, value, constraints: c.metadata.constraints };
    constraints ??= {};
    constraints[constraint.name || c.metadata.type] = message(c.metadata, failure, constraint.instance);
  }
  return constraints;
}

function message(metadata: ValidationMetadataLike, args: ValidationArguments, instance: ValidatorConstraintInterface | undefined): string {
  let text: ValidationMetadataLike['message'] = metadata.message || '';
  if (!metadata.message && instance && instance.defaultMessage instanceof Function) text = instance.defaultMessage(args);
  return ValidationUtils.replaceMessageSpecialTokens(text, args);
}

function isPromise(p: unknown): boolean {
  return p !== null && typeof p === 'object' && typeof (p as { then?: unknown }).then === 'function';
}
