export * from './policy-version.schema';
export * from './policies';
export * from './network-policies.module';
