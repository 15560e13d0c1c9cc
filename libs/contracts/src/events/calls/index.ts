export * from './calls.events';
export * from './contact-check.events';
export * from './catalog';
