export * from './lib/kinds';
export * from './lib/language';
export * from './lib/templates';
export * from './lib/recipients';
export * from './lib/retry';
export * from './lib/digest';
