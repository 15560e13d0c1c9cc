/** The deployment's settings, from /console/config.js (written by the gateway or the console's container at start). */
export interface ConsoleConfig {
  /** The graph, when it is not the origin that served the console. */
  graphqlUrl?: string;
  /** The organisation's identity provider: authorization code + PKCE. */
  oidc?: { issuer: string; clientId: string; scopes: string };
  /** The local demo sign-in (`POST /dev/token` on the gateway). */
  devTokens?: boolean;
}

export function consoleConfig(): ConsoleConfig {
  return (globalThis as { AFTERSALES_CONSOLE?: ConsoleConfig }).AFTERSALES_CONSOLE ?? {};
}

/** Where the gateway's own routes (`/dev/token`) are: the graph's origin. */
export function gatewayOrigin(config: ConsoleConfig = consoleConfig()): string {
  return config.graphqlUrl ? new URL(config.graphqlUrl).origin : location.origin;
}
