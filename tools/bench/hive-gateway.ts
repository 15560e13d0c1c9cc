import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import http from '@graphql-mesh/transport-http';

/**
 * Hive Gateway on the same supergraph as ours, as its own process: the gateway bench's reference
 * (a benchmark-only dev dependency; nothing in the product imports it). It forwards the caller's
 * bearer token, which is all our subgraphs need. `/health/ready` is mapped to its readiness check
 * so the bench starts it like our services.
 */
const supergraph = readFileSync(process.env.SUPERGRAPH_FILE ?? '', 'utf8');
const gateway = createGatewayRuntime({
  supergraph,
  logging: false,
  maskedErrors: false,
  graphqlEndpoint: '/graphql',
  // Given here rather than found by name at run time, as the full `@graphql-hive/gateway` package would.
  transports: { http },
  readinessCheckEndpoint: '/health/ready',
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
  },
});

createServer(gateway).listen(Number(process.env.PORT), '127.0.0.1');
