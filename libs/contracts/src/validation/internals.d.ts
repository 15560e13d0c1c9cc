// Modules of class-transformer and class-validator that their index does not export (no `exports` map
// in either package, so Node and esbuild resolve them to the same files as the index's own requires).
declare module 'class-transformer/cjs/storage.js' {
  import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
  export const defaultMetadataStorage: MetadataStorage;
}
declare module 'class-validator/cjs/validation/ValidationUtils.js' {
  export { ValidationUtils } from 'class-validator/types/validation/ValidationUtils';
}
