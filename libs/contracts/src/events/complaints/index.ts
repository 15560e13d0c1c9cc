export * from './complaints.events';
export * from './catalog';
