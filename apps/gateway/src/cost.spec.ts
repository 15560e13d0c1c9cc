import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { Principal } from '@aftersales/platform-auth';
import { costLimitOf, operationCost } from './cost';

const schema = buildSchema(`
  type Query {
    centers(first: Int! = 50, after: String): CenterPage!
    byIds(ids: [ID!]!): [Center]!
    center(id: ID!): Center
  }
  type CenterPage { nodes: [Center!]! total: Int! }
  type Center { id: ID! name: String! kpis: Kpis }
  type Kpis { rate: Float count: Int }
`);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return operationCost(schema, operation, fragments, variables);
}

describe('what an operation costs at the gateway', () => {
  it('counts a scalar 1 and an object 2 plus 1.5 times its selections, times the page size', () => {
    // nodes: 2 + 1.5 * (id + name) = 5; page: (2 + 1.5 * (5 + total)) * 10 = 110
    expect(cost('{ centers(first: 10) { nodes { id name } total } }')).toBe(110);
    expect(cost('{ center(id: "a") { id kpis { rate count } } }')).toBe(2 + 1.5 * (1 + 2 + 1.5 * 2));
  });

  it('reads the page size from a variable as from the query: a variable does not get around the limit', () => {
    const literal = cost('{ centers(first: 500) { nodes { id name } } }');
    expect(cost('query($n: Int!) { centers(first: $n) { nodes { id name } } }', { n: 500 })).toBe(literal);
    expect(cost('query($n: Int! = 500) { centers(first: $n) { nodes { id name } } }')).toBe(literal);
  });

  it('counts a page left without a size at the schema default', () => {
    expect(cost('{ centers { nodes { id } } }')).toBe(cost('{ centers(first: 50) { nodes { id } } }'));
  });

  it('counts a list of keys by how many keys it was given, literal or variable', () => {
    const ids = Array.from({ length: 946 }, (_, i) => `sc-${i}`);
    const one = cost('{ byIds(ids: ["a"]) { id name } }');
    expect(cost('query($ids: [ID!]!) { byIds(ids: $ids) { id name } }', { ids })).toBe(one * 946);
    expect(cost('{ byIds(ids: ["a", "b", "c"]) { id name } }')).toBe(one * 3);
  });

  it('counts fragments as if written in place, and does not loop on one that spreads itself', () => {
    const inPlace = cost('{ centers(first: 20) { nodes { id name kpis { rate } } } }');
    expect(cost('{ centers(first: 20) { nodes { ...C } } } fragment C on Center { id name kpis { ...K } } fragment K on Kpis { rate }')).toBe(inPlace);
    expect(cost('{ centers(first: 20) { nodes { ... on Center { id name kpis { rate } } } } }')).toBe(inPlace);
    expect(cost('{ center(id: "a") { ...C } } fragment C on Center { id ...C }')).toBe(2 + 1.5 * 1);
  });

  it('does not charge introspection', () => {
    expect(cost('{ __schema { types { name fields { name } } } center(id: "a") { id } }')).toBe(2 + 1.5);
  });
});

describe('the cost limit of a caller', () => {
  const limits = { centers: 25_000, regions: 100_000, network: 250_000 };
  const who = (roles: Principal['roles']): Principal => ({ subject: 's', roles, serviceCenterIds: ['sc-1'], regionIds: ['rg-1'] });

  it('follows what the caller can see: its centers, its regions, the network', () => {
    expect(costLimitOf(limits, who(['DEALER']))).toBe(25_000);
    expect(costLimitOf(limits, who(['REGION_MANAGER']))).toBe(100_000);
    expect(costLimitOf(limits, who(['HQ_ANALYST']))).toBe(250_000);
    expect(costLimitOf(limits, who(['DEALER', 'HQ_ADMIN']))).toBe(250_000);
  });

  it('gives an anonymous caller the smallest', () => {
    expect(costLimitOf(limits, undefined)).toBe(25_000);
  });
});
