import { ConflictError } from '@aftersales/platform-core';
import type { IllegalTransitionError } from '@aftersales/domain-complaints';

/** An out-of-order step: CONFLICT naming the current state and what is allowed from it. */
export class IllegalComplaintStepError extends ConflictError {
  constructor(e: IllegalTransitionError) {
    super(e.message, { currentState: e.current, action: e.action, allowedActions: e.allowed });
  }
}
