export * from './center.schema';
export * from './network-centers';
export * from './qualifications';
export * from './network-centers.module';
export * from './references';
export * from './references.module';
export * from './reference-feeds';
