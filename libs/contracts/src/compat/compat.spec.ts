import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { breakingChanges, describeCatalog } from './shape';
import type { CatalogShape } from './shape';

const SNAPSHOT = fileURLToPath(new URL('../../event-catalog.snapshot.json', import.meta.url));

const base: CatalogShape = {
  'X.v1': {
    topic: 't',
    fields: {
      id: { required: true, rules: ['isString'] },
      kind: { required: true, rules: ['isIn:["A","B"]'] },
      note: { required: false, rules: ['isString'] },
    },
  },
};
const withFields = (fields: CatalogShape[string]['fields']): CatalogShape => ({ 'X.v1': { topic: 't', fields: { ...base['X.v1'].fields, ...fields } } });

describe('event contract compatibility', () => {
  it('accepts additive changes: a new optional field, an optional field becoming looser, a widened enum', () => {
    const next = withFields({ extra: { required: false, rules: ['isInt'] }, kind: { required: true, rules: ['isIn:["A","B","C"]'] } });
    expect(breakingChanges(base, next)).toEqual([]);
  });

  it('names each breaking change: removed field, new required field, optional to required, narrowed enum, removed event', () => {
    const { note: _note, ...rest } = base['X.v1'].fields;
    const next: CatalogShape = {
      'X.v1': { topic: 't', fields: { ...rest, kind: { required: true, rules: ['isIn:["A"]'] }, due: { required: true, rules: ['isUtcTimestamp'] } } },
    };
    expect(breakingChanges(base, next)).toEqual([
      'X.v1: field kind has a new or changed rule isIn:["A"]',
      'X.v1: field note removed',
      'X.v1: new required field due',
    ]);
    expect(breakingChanges(base, withFields({ note: { required: true, rules: ['isString'] } }))).toEqual(['X.v1: field note became required']);
    expect(breakingChanges(base, {})).toEqual(['X.v1: removed (consumers still read it; keep it until no producer sends it)']);
  });

  it('the catalog has no breaking change against the committed snapshot, and the snapshot is current', () => {
    const committed = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as CatalogShape;
    const current = describeCatalog();
    expect(breakingChanges(committed, current)).toEqual([]);
    // Additive changes are fine but must be recorded: `npm run contracts-snapshot`.
    expect(current).toEqual(committed);
  });
});
