export * from './center.schema';
export * from './network-centers';
export * from './network-centers.module';
