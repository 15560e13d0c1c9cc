export * from './fields';
export * from './validation';
export * from './resolution';
