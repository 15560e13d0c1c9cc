import { readFileSync } from 'node:fs';
import { apiSchemaOf, API_SCHEMA_FILE, composeSupergraph, SUPERGRAPH_FILE } from './compose';

describe('supergraph composition', () => {
  it('composes every subgraph without errors, into the committed supergraph', () => {
    const { supergraphSdl, errors } = composeSupergraph();
    expect(errors).toEqual([]);
    expect(supergraphSdl).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });

  it("commits the supergraph's API schema, which the console's generated types come from", () => {
    const api = readFileSync(API_SCHEMA_FILE, 'utf8');
    expect(api).toBe(apiSchemaOf(readFileSync(SUPERGRAPH_FILE, 'utf8')));
    expect(api).not.toContain('join__');
  });
});
