export * from './job-orders.events';
export * from './catalog';
