import { ConflictError, ValidationFailedError } from '@aftersales/platform-core';
import { PartsRuleError } from '@aftersales/domain-parts';

/** Rules that depend on the current state (stock, order status) rather than on the input itself. */
const STATE_RULES = new Set(['available', 'reserved', 'onOrder', 'transition', 'overShip']);

/** Maps a domain rule to the platform's typed errors: state conflicts are CONFLICT, bad input BAD_USER_INPUT. */
export function toPlatformError(err: unknown, fieldPrefix = ''): unknown {
  if (!(err instanceof PartsRuleError)) return err;
  if (STATE_RULES.has(err.rule)) return new ConflictError(err.message, { rule: err.rule });
  const field = `${fieldPrefix}${err.field ?? ''}` || 'input';
  return new ValidationFailedError([{ field, rule: err.rule, message: err.message }]);
}

export async function domainCall<T>(fn: () => Promise<T> | T, fieldPrefix = ''): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toPlatformError(err, fieldPrefix);
  }
}
