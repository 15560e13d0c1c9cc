import { ApolloServer } from '@apollo/server';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { Counter } from 'prom-client';
import { ForbiddenError } from '../errors/errors';
import { formatGraphQLError } from '../errors/exception-filter';
import { jitGateway } from './jit';

/**
 * The same operations on Apollo Server with graphql-js and with the compiled executor: what a client
 * receives must not depend on which one ran. The subgraph suites (apps/network/test/graphql-jit) compare
 * whole services; here the cases a resolver can produce on its own, with the subgraphs' formatError.
 */
function schema(): GraphQLSchema {
  const built = buildSchema(`
    type Kpis { responses: Int }
    type Region { id: ID! satisfaction(from: String!): Kpis secret: String! }
    type Query { regions(ids: [ID!]!): [Region!]! }
  `);
  built.getQueryType()!.getFields()['regions'].resolve = (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => ({ id }));
  const region = built.getType('Region') as import('graphql').GraphQLObjectType;
  // A field resolver of an entity throws the typed error as it is: Nest's exception filter does not wrap it.
  region.getFields()['satisfaction'].resolve = async ({ id }: { id: string }) => {
    if (id === 'rg-east') throw new ForbiddenError('region rg-east is outside your scope');
    return { responses: 3 };
  };
  region.getFields()['secret'].resolve = () => {
    throw new Error('connection reset by the store');
  };
  return built;
}

type Body = { singleResult: { errors: { message: string; extensions: { code: string }; path: unknown[] }[]; data: unknown } };

async function answer(jit: boolean, query: string, variables: Record<string, unknown>) {
  const built = schema();
  const executions = new Counter({ name: 'jit_spec_executions', help: 'executions', labelNames: ['executor'], registers: [] });
  const server = jit
    ? new ApolloServer({ gateway: jitGateway(() => built, executions), formatError: formatGraphQLError })
    : new ApolloServer({ schema: built, formatError: formatGraphQLError });
  await server.start();
  try {
    const response = await server.executeOperation({ query, variables });
    // Parsed: executeOperation keeps the executor's key order, which Apollo's HTTP answer fixes (errors first).
    return { body: JSON.parse(JSON.stringify(response.body)) as Body, jit: (await executions.get()).values.find((v) => v.labels.executor === 'jit')?.value ?? 0 };
  } finally {
    await server.stop();
  }
}

describe('graphql-jit executor', () => {
  it('gives a typed error thrown by a nested field resolver its own code, as graphql-js does', async () => {
    const query = 'query($from: String!) { regions(ids: ["rg-west", "rg-east"]) { id satisfaction(from: $from) { responses } } }';
    const compiled = await answer(true, query, { from: '2026-01' });
    const plain = await answer(false, query, { from: '2026-01' });
    expect(compiled.jit).toBe(1);
    expect(compiled.body).toEqual(plain.body);
    expect(compiled.body.singleResult.errors.map((e) => [e.extensions.code, e.path])).toEqual([['FORBIDDEN', ['regions', 1, 'satisfaction']]]);
    expect(compiled.body.singleResult.data).toEqual({ regions: [{ id: 'rg-west', satisfaction: { responses: 3 } }, { id: 'rg-east', satisfaction: null }] });
  });

  it('answers an untyped failure as an internal error, as graphql-js does', async () => {
    const query = '{ regions(ids: ["rg-west"]) { id secret } }';
    const compiled = await answer(true, query, {});
    expect(compiled.jit).toBe(1);
    expect(compiled.body).toEqual((await answer(false, query, {})).body);
    expect(compiled.body.singleResult.errors.map((e) => e.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR']);
  });
});
