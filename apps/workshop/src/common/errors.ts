import { ConflictError, ValidationFailedError } from '@aftersales/platform-core';
import { TransitionError, type RuleIssue, type StateMachine } from '@aftersales/domain-workshop';

/** Bad input: every broken rule at once, nothing written. */
export function refuseIf(issues: RuleIssue[]): void {
  if (issues.length) throw new ValidationFailedError(issues);
}

/** Out-of-order change: CONFLICT naming the current state and the actions it allows. */
export function assertTransition<S extends string, A extends string>(machine: StateMachine<S, A>, state: S, action: A): void {
  try {
    machine.assert(state, action);
  } catch (e) {
    if (e instanceof TransitionError) {
      throw new ConflictError(e.message, { entity: e.entity, currentState: e.current, action: e.action, allowedActions: e.allowed });
    }
    throw e;
  }
}

/** A write lost to a concurrent change of the same document (its state guard no longer matched). */
export function concurrentChange(entity: string, id: string): ConflictError {
  return new ConflictError(`${entity} ${id} was changed concurrently; read it again and retry`, { entity, id });
}

export { isDuplicateKey } from '@aftersales/platform-core';
