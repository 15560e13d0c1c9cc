export * from './model';
export * from './phone';
export * from './call-rules';
export * from './routing';
export * from './outbound';
export * from './qc';
export * from './staffing';
export * from './reports';
