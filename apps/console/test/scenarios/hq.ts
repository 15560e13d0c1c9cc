import type { ConsoleContext } from '../harness';

/** The hq area's browser scenarios: register `it(...)` blocks here against the shared context (see ../README.md). */
export function hqScenarios(_ctx: ConsoleContext): void {}
