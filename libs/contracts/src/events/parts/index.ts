export * from './parts.events';
export * from './catalog';
