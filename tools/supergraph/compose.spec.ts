import { readFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from './compose';

describe('supergraph composition', () => {
  it('composes every subgraph without errors, into the committed supergraph', () => {
    const { supergraphSdl, errors } = composeSupergraph();
    expect(errors).toEqual([]);
    expect(supergraphSdl).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });
});
