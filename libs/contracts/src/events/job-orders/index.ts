export * from './job-orders.events';
export * from './catalog';
export * from './leads.events';
