export * from './table';
export * from './import-job';
export * from './import-job.types';
