import type { ConsoleContext } from '../harness';

/** The dealer area's browser scenarios: register `it(...)` blocks here against the shared context (see ../README.md). */
export function dealerScenarios(_ctx: ConsoleContext): void {}
