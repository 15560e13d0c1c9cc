import type { ConsoleContext } from '../harness';

/** The call-center area's browser scenarios: register `it(...)` blocks here against the shared context (see ../README.md). */
export function callCenterScenarios(_ctx: ConsoleContext): void {}
