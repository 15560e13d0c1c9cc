export * from './policy';
export * from './coverage';
export * from './claims';
