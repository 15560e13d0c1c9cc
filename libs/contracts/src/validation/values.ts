import { Transform } from 'class-transformer';
import { isEmail, registerDecorator } from 'class-validator';
import type { ValidationOptions } from 'class-validator';
import { normalizeText, normalizeVin, textIssue, vinIssue, type TextKind, type ValueIssue } from '@aftersales/values';

/**
 * One class-validator constraint per rule, so a refusal names the rule (`vehicle.vin: vinCheckDigit`).
 * `check` returns the first issue of the value; each constraint fails only when that issue is its own,
 * so a value breaking several rules is reported once, under the first.
 */
function ruleDecorators(rules: readonly string[], check: (value: unknown) => ValueIssue | undefined, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    for (const rule of rules) {
      registerDecorator({
        name: rule,
        target: target.constructor,
        propertyName: propertyName as string,
        options,
        validator: {
          validate: (value: unknown) => check(value)?.rule !== rule,
          defaultMessage: (args) => check(args?.value)?.message ?? rule,
        },
      });
    }
  };
}

function normalizing(normalize: (value: unknown) => unknown, each: boolean | undefined): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (each && Array.isArray(value) ? value.map(normalize) : normalize(value)));
}

/**
 * A VIN as people type it: trimmed, separators (spaces, dashes) dropped, upper-cased, then checked
 * (ISO 3779 length and alphabet; check digit for North American and Chinese VINs). The handler gets
 * the normalized VIN. Rules: `vinLength`, `vinCharacters`, `vinCheckDigit`.
 */
export function IsVin(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    normalizing((v) => (typeof v === 'string' ? normalizeVin(v) : v), options?.each)(target, propertyName);
    ruleDecorators(['vinLength', 'vinCharacters', 'vinCheckDigit'], vinIssue, options)(target, propertyName);
  };
}

const TEXT_RULES: Record<TextKind, readonly string[]> = {
  name: ['noControlCharacters', 'noMarkup', 'nameCharacters'],
  phone: ['noControlCharacters', 'noMarkup', 'phoneCharacters'],
  code: ['noControlCharacters', 'noMarkup', 'codeCharacters'],
  line: ['noControlCharacters', 'noMarkup'],
  freeText: ['noControlCharacters'],
};

function textDecorator(kind: TextKind) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target: object, propertyName: string | symbol) => {
      normalizing((v) => normalizeText(kind, v), options?.each)(target, propertyName);
      ruleDecorators(TEXT_RULES[kind], (v) => textIssue(kind, v), options)(target, propertyName);
    };
}

/**
 * A person's or organisation's name (customer, complainant, driver, staff, department): letters of
 * any script with the punctuation names carry; markup and control characters refused. Trimmed.
 */
export const IsPersonName = textDecorator('name');
/** A phone number as typed (before any E.164 check): digits, spaces, `+ - ( ) . /`, an extension. Trimmed. */
export const IsPhoneText = textDecorator('phone');
/** A code or number (part, problem, fault, plate, order numbers): letters, digits and `- _ . / : # ·`. Trimmed. */
export const IsCode = textDecorator('code');
/** A short single line of any characters (a contact, an address, a label): markup and control characters refused. Trimmed. */
export const IsPlainLine = textDecorator('line');
/** Long free text: stored exactly as typed and only ever shown as plain text; control characters other than tab and line breaks refused. */
export const IsPlainText = textDecorator('freeText');

/**
 * A finite number with at most `places` decimals (money: 2). Rules: `isNumber`, `maxDecimalPlaces`.
 * class-validator's own `maxDecimalPlaces` reads the decimals off `toString()` and throws on a number
 * written in exponent form (`5e-324`): an internal error where a refusal was due.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  const issue = (value: unknown): ValueIssue | undefined => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return { rule: 'isNumber', message: 'must be a finite number' };
    if (Number(value.toFixed(places)) !== value) return { rule: 'maxDecimalPlaces', message: `at most ${places} decimal places (got ${value})` };
    return undefined;
  };
  return ruleDecorators(['isNumber', 'maxDecimalPlaces'], issue, options);
}

/**
 * An e-mail address. Rules: `wellFormed` (no unpaired surrogate), `isEmail`. validator's `isEmail`
 * throws a URIError on an unpaired surrogate (`"\ud800"`), which answered INTERNAL_SERVER_ERROR.
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  const issue = (value: unknown): ValueIssue | undefined => {
    if (typeof value === 'string' && /\p{Surrogate}/u.test(value)) return { rule: 'wellFormed', message: 'must not contain unpaired surrogate characters' };
    if (typeof value !== 'string' || !isEmail(value)) return { rule: 'isEmail', message: 'must be an email address' };
    return undefined;
  };
  return ruleDecorators(['wellFormed', 'isEmail'], issue, options);
}
