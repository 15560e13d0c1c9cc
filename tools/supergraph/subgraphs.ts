/**
 * The subgraphs the gateway composes, with their local development ports. Adding a service means
 * adding it here; `npm start` and the composition step read this list.
 */
export interface SubgraphEntry {
  name: string;
  app: string;
  port: number;
}

export const SUBGRAPHS: SubgraphEntry[] = [{ name: 'network', app: 'apps/network', port: 4001 }];

export const GATEWAY_PORT = 4000;

export function localUrl(entry: SubgraphEntry): string {
  return `http://127.0.0.1:${entry.port}/graphql`;
}
