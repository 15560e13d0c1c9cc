/**
 * Customer data never reaches a log line unmasked: every object a service logs (its fields, nested
 * objects, errors with their message and stack) and every message string go through `maskForLog`
 * in the one logger of the platform, so no call site has to remember it.
 *
 * Two rules, because a value is recognized either by where it sits or by what it looks like:
 * - by key: a phone, e-mail or person's name field (`phone`, `customerPhone`, `email`, `name`,
 *   `customerName`, `who`, `signedBy`, ...) is masked whatever its format;
 * - by shape, in any string (an error message that quotes an input, a Kafka message): international
 *   phone numbers (`+` and 7 or more digits) and e-mail addresses.
 */

const PHONE_KEY = /(phone|mobile|^tel$|telephone|msisdn)/i;
const EMAIL_KEY = /(e-?mail)/i;
/** Person names: `name` itself (a customer's, a signer's) and the fields that hold a person. */
const NAME_KEY = /^(customer|name|names|fullName|firstName|lastName|surname|customerName|contactName|ownerName|who|by|signedBy|signer|handlingPerson|responsiblePerson|recipient|driverName)$/i;

const PHONE_TEXT = /\+\d(?:[\s().-]?\d){6,}/g;
const EMAIL_TEXT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/** `+8613912345678` → `+86******5678`: the country is kept for support, the number is not. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '***';
  return `${phone.trim().startsWith('+') ? '+' : ''}${digits.slice(0, 2)}******${digits.slice(-4)}`;
}

/** `wang.li@example.cn` → `w***@example.cn`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${Array.from(email)[0]}***${email.slice(at)}`;
}

/** `Wenceslau Quixadá` → `W***`, `王小明` → `王***`: enough to tell two lines apart, not to name anyone. */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? `${first}***` : '';
}

/** Phones and e-mail addresses inside free text. */
export function maskText(text: string): string {
  return text.replace(EMAIL_TEXT, (m) => maskEmail(m)).replace(PHONE_TEXT, (m) => maskPhone(m));
}

function byKey(key: string): ((value: string) => string) | null {
  if (PHONE_KEY.test(key)) return maskPhone;
  if (EMAIL_KEY.test(key)) return maskEmail;
  if (NAME_KEY.test(key)) return maskName;
  return null;
}

const MAX_DEPTH = 8;

function walk(value: unknown, rule: ((value: string) => string) | null, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return rule ? rule(value) : maskText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > MAX_DEPTH) return '[masked]';
  seen.add(value);
  if (value instanceof Error) {
    const error = value as Error & Record<string, unknown>;
    const out: Record<string, unknown> = { type: error.constructor?.name ?? 'Error', message: maskText(error.message ?? '') };
    if (error.stack) out.stack = maskText(error.stack);
    for (const [k, v] of Object.entries(error)) if (!(k in out)) out[k] = walk(v, byKey(k), depth + 1, seen);
    if (error.cause !== undefined) out.cause = walk(error.cause, null, depth + 1, seen);
    return out;
  }
  if (value instanceof Date || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return Buffer.isBuffer(value) ? maskText(value.toString()) : value;
  if (Array.isArray(value)) return value.map((v) => walk(v, rule, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = walk(v, byKey(k), depth + 1, seen);
  return out;
}

/** A copy of a log line's fields with customer phones, e-mails and names masked. */
export function maskForLog<T>(value: T): T {
  return walk(value, null, 0, new WeakSet()) as T;
}
