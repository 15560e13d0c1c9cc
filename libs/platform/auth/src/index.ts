export * from './principal';
export * from './tokens';
export * from './signing';
export * from './scope';
export * from './guard';
export * from './dev-tokens';
