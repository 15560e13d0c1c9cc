export * from './calls.events';
export * from './contact-check.events';
export * from './campaign.events';
export * from './catalog';
export * from './telematics.events';
