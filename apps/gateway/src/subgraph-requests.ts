import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A caller that sends this header (any value) gets `extensions.subgraphRequests` in the response: how
 * many requests each subgraph received for the operation. It makes N+1 fan-out visible to tests,
 * benchmarks and the HQ scorecard, which reports it.
 */
export const SUBGRAPH_REQUESTS_HEADER = 'x-report-subgraph-requests';

export function subgraphRequestsPlugin(): ApolloServerPlugin<{ subgraphRequests?: Record<string, number> }> {
  return {
    async requestDidStart({ contextValue }) {
      contextValue.subgraphRequests = {};
      return {
        async willSendResponse({ request, response, contextValue: ctx }) {
          if (!request.http?.headers.get(SUBGRAPH_REQUESTS_HEADER) || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, subgraphRequests: ctx.subgraphRequests };
        },
      };
    },
  };
}
