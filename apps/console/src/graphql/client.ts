import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from '@urql/core';
import { consoleConfig } from '../config';

/** The graph's URL: the gateway that serves the console, unless a deployment's config.js names another. */
export function graphqlUrl(): string {
  return consoleConfig().graphqlUrl ?? new URL('/graphql', location.origin).toString();
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
    // urql sends short queries as GET, which the gateway's CSRF prevention refuses (400) without a
    // preflight header; POST with a JSON body is what every other client of the graph sends.
    preferGetMethod: false,
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
