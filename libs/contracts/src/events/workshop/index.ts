export * from './workshop.events';
export * from './catalog';
