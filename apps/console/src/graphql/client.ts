import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from '@urql/core';

/** The graph's URL: the gateway that serves the console, unless a deployment's config.js names another. */
export function graphqlUrl(): string {
  const configured = (globalThis as { AFTERSALES_CONSOLE?: { graphqlUrl?: string } }).AFTERSALES_CONSOLE?.graphqlUrl;
  return configured ?? new URL('/graphql', location.origin).toString();
}

export function createClient(token: () => string | null, onUnauthenticated: () => void): Client {
  return new Client({
    url: graphqlUrl(),
    exchanges: [
      mapExchange({
        onError(error) {
          if (codesOf(error).includes('UNAUTHENTICATED')) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    fetchOptions: () => {
      const t = token();
      const headers: Record<string, string> = t ? { authorization: `Bearer ${t}` } : {};
      return { headers };
    },
    requestPolicy: 'cache-and-network',
  });
}

export function codesOf(error: CombinedError | undefined): string[] {
  return (error?.graphQLErrors ?? []).map((e) => String(e.extensions?.code ?? ''));
}

/** `{field, rule, message}` of a refused input, as every mutation reports them (BAD_USER_INPUT). */
export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

export function issuesOf(error: CombinedError | undefined): FieldIssue[] {
  return (error?.graphQLErrors ?? []).flatMap((e) => (e.extensions?.issues as FieldIssue[] | undefined) ?? []);
}
