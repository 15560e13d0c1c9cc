export * from './lib/model';
export * from './lib/classification';
export * from './lib/repeat';
export * from './lib/lifecycle';
export * from './lib/deadlines';
export * from './lib/routing';
export * from './lib/kpis';
export * from './lib/table';
