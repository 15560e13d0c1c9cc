export * from './lib/errors';
export * from './lib/stock';
export * from './lib/planning';
export * from './lib/orders';
export * from './lib/sharing';
export * from './lib/catalog';
export * from './lib/kpi';
export * from './lib/supply';
