export * from './infra';
export * from './tokens';
export * from './graphql-client';
export * from './event-probe';
export * from './app-factory';
export * from './service-process';
export * from './network-fixtures';
export * from './eventually';
