export * from './calls.events';
export * from './catalog';
