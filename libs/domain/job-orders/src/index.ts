export * from './lib/types';
export * from './lib/sla';
export * from './lib/reply/phrases';
export * from './lib/reply/checker';
export * from './lib/job-order';
export * from './lib/kpi';
export * from './lib/numbering';
