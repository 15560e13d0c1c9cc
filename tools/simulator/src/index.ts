export { DEFAULT_MAX_CONCURRENCY, DEFAULT_RATE_PER_MINUTE, startSimulator, type Simulator, type SimulatorOptions } from './simulator';
export type { LatencySummary, SimulatorStats } from './stats';
export { DEFAULT_MIX, SCENARIOS, type Scenario } from './mix';
