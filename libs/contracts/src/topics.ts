/** One topic per service, keyed by aggregate id. Dead letters go to `${topic}.dlq`. */
export const Topics = {
  network: 'aftersales.network.events',
  calls: 'aftersales.calls.events',
  'job-orders': 'aftersales.job-orders.events',
  complaints: 'aftersales.complaints.events',
  workshop: 'aftersales.workshop.events',
  parts: 'aftersales.parts.events',
  surveys: 'aftersales.surveys.events',
  /** Bulk feeds of connected-car providers (one event a message), read by the call center. */
  telematics: 'aftersales.telematics.feed',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export type PayloadClass<P> = new () => P;

/** The runtime registry of a catalog fragment; the mapped type makes a missing or mismatched entry a compile error. */
export type RegistryOf<C extends { [K in keyof C]: { topic: TopicName; payload: object } }> = {
  readonly [K in keyof C]: { readonly topic: C[K]['topic']; readonly payload: PayloadClass<C[K]['payload']> };
};
