export * from './kpis';
export * from './ranking';
