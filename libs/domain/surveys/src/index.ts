export * from './lib/questionnaire';
export * from './lib/default-questionnaire';
export * from './lib/answers';
export * from './lib/kpis';
export * from './lib/invitation';
export * from './lib/mask';
export * from './lib/token';
