/**
 * Polls `read` until `ok` accepts its value (by default: any truthy value) and returns that value; after
 * `timeoutMs` it fails naming `what` and the last value seen, so a timed-out test explains itself.
 * Read models are eventually consistent: suites wait for them with this instead of sleeping.
 */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean = Boolean,
  timeoutMs = 20_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: last value ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
