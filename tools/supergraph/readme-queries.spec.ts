import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, validate } from 'graphql';
import { SUPERGRAPH_FILE } from './compose';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every ```graphql block of a document, with the line it starts on. */
function examples(file: string): { line: number; query: string }[] {
  const text = readFileSync(`${ROOT}${file}`, 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => ({ line: text.slice(0, m.index).split('\n').length, query: m[1] }));
}

/** The examples people copy from the README must run against the graph the gateway serves. */
describe('README examples', () => {
  const schema = Supergraph.build(readFileSync(SUPERGRAPH_FILE, 'utf8')).apiSchema().toGraphQLJSSchema();
  const blocks = examples('README.md');

  it('has examples for dealers and headquarters', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(blocks.map((b) => [b.line, b.query] as const))('the example at README.md:%i is valid against the supergraph', (_line, query) => {
    // A block may list several anonymous queries to try one by one.
    const problems = parse(query).definitions.flatMap((d) => validate(schema, { kind: Kind.DOCUMENT, definitions: [d] }).map((e) => e.message));
    expect(problems).toEqual([]);
  });
});
