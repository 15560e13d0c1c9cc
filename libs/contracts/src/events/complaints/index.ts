export * from './complaints.events';
export * from './complaints-process.events';
export * from './catalog';
