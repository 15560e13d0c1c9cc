export { startSimulator, type Simulator, type SimulatorOptions } from './simulator';
export type { SimulatorStats } from './stats';
export { DEFAULT_MIX, SCENARIOS, type Scenario } from './mix';
