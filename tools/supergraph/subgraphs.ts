/**
 * The subgraphs the gateway composes, with their local development ports. Adding a service means
 * adding it here; `npm start` and the composition step read this list.
 */
export interface SubgraphEntry {
  name: string;
  app: string;
  port: number;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  { name: 'network', app: 'apps/network', port: 4001 },
  { name: 'calls', app: 'apps/calls', port: 4002 },
  { name: 'job-orders', app: 'apps/job-orders', port: 4003 },
  { name: 'complaints', app: 'apps/complaints', port: 4004 },
  { name: 'workshop', app: 'apps/workshop', port: 4005 },
  { name: 'parts', app: 'apps/parts', port: 4006 },
  { name: 'surveys', app: 'apps/surveys', port: 4007 },
  { name: 'hq', app: 'apps/hq', port: 4008 },
  { name: 'notifications', app: 'apps/notifications', port: 4009 },
];

export const GATEWAY_PORT = 4000;

export function localUrl(entry: SubgraphEntry): string {
  return `http://127.0.0.1:${entry.port}/graphql`;
}
