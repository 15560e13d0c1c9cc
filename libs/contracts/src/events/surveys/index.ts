export * from './surveys.events';
export * from './catalog';
