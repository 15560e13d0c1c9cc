/** A rule of the parts domain was broken; the service maps it to BAD_USER_INPUT or CONFLICT. */
export class PartsRuleError extends Error {
  constructor(
    readonly rule: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PartsRuleError';
  }
}
