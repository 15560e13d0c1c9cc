/** A broken business rule on one input field; the service reports these as BAD_USER_INPUT issues. */
export interface RuleIssue {
  field: string;
  rule: string;
  message: string;
}

/** Thrown by the pure rules when input breaks them; carries every issue found, not just the first. */
export class WorkshopRuleError extends Error {
  constructor(readonly issues: RuleIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.name = 'WorkshopRuleError';
  }
}

/** An action asked of an aggregate in a state that does not allow it; names what is allowed instead. */
export class TransitionError extends Error {
  constructor(
    readonly entity: string,
    readonly current: string,
    readonly action: string,
    readonly allowed: readonly string[],
  ) {
    super(
      `${entity} is ${current}: ${action} is not allowed now; allowed: ${allowed.length ? allowed.join(', ') : 'none (final state)'}`,
    );
    this.name = 'TransitionError';
  }
}

/**
 * A small transition table: action -> states it may start from. `assert` throws a TransitionError
 * naming the current state and every action that state allows.
 */
export class StateMachine<S extends string, A extends string> {
  constructor(
    private readonly entity: string,
    private readonly from: Readonly<Record<A, readonly S[]>>,
  ) {}

  allowedActions(state: S): A[] {
    return (Object.keys(this.from) as A[]).filter((a) => this.from[a].includes(state));
  }

  can(state: S, action: A): boolean {
    return this.from[action].includes(state);
  }

  assert(state: S, action: A): void {
    if (!this.can(state, action)) throw new TransitionError(this.entity, state, action, this.allowedActions(state));
  }
}
