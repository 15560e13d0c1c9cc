export * from './principal';
export * from './tokens';
export * from './scope';
export * from './guard';
export * from './dev-tokens';
