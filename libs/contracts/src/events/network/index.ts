export * from './enums';
export * from './service-center-upserted.v1';
export * from './staff-upserted.v1';
export * from './policy-version-published.v1';
export * from './catalog';
