import fc from 'fast-check';
import sift from 'sift';
import { splitIds } from './id-filter';

interface Doc {
  _id: string;
  code: string;
  regionId: string;
}

const ID = fc.constantFrom('sc-1', 'sc-2', 'sc-3', 'sc-4', 'sc-5');
const docs: Doc[] = ['sc-1', 'sc-2', 'sc-3', 'sc-4', 'sc-5'].map((id, i) => ({ _id: id, code: `C${5 - i}`, regionId: i % 2 ? 'rg-a' : 'rg-b' }));

/** Filters as scope and the repository build them, and some they never build, nested. */
const filter: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ filter: Record<string, unknown> }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small' },
    ID.map((id) => ({ _id: id })),
    fc.array(ID, { maxLength: 4 }).map((ids) => ({ _id: { $in: ids } })),
    fc.array(ID, { maxLength: 3 }).map((ids) => ({ _id: { $nin: ids } })),
    fc.array(fc.oneof(ID, fc.integer()), { maxLength: 3 }).map((ids) => ({ _id: { $in: ids } })),
    fc.constantFrom('rg-a', 'rg-b').map((r) => ({ regionId: { $in: [r] } })),
    fc.constantFrom('C1', 'C3', 'C5').map((c) => ({ code: { $gt: c } })),
    fc.tuple(ID, fc.constantFrom('rg-a', 'rg-b')).map(([id, region]) => ({ _id: id, regionId: region })),
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((all) => ({ $and: all })),
    fc.array(tie('filter'), { minLength: 1, maxLength: 2 }).map((any) => ({ $or: any })),
    fc.tuple(fc.array(ID, { maxLength: 3 }), fc.array(tie('filter'), { minLength: 1, maxLength: 2 })).map(([ids, all]) => ({ _id: { $in: ids }, $and: all })),
  ),
})).filter;

describe('splitIds', () => {
  it('the ids it finds and the rest it leaves select exactly what the whole filter selects', () => {
    fc.assert(
      fc.property(filter, (f) => {
        const { ids, rest } = splitIds(f);
        const restTest = sift(rest);
        const split = docs.filter((d) => (ids === null || ids.has(d._id)) && restTest(d)).map((d) => d._id);
        expect(split).toEqual(docs.filter(sift(f)).map((d) => d._id));
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds the ids of the scorecard’s batch under a dealer’s scope, and leaves nothing else to test', () => {
    expect(splitIds({ $and: [{ _id: { $in: ['sc-1', 'sc-2'] } }, { _id: { $in: ['sc-2', 'sc-3'] } }] })).toEqual({ ids: new Set(['sc-2']), rest: {} });
  });

  it('leaves a region scope to test, and a filter on ids of another kind to the query language', () => {
    expect(splitIds({ $and: [{ regionId: { $in: ['rg-a'] } }, { _id: { $in: ['sc-1'] } }] })).toEqual({ ids: new Set(['sc-1']), rest: { $and: [{ regionId: { $in: ['rg-a'] } }] } });
    const numeric = { _id: { $in: ['sc-1', 7] } };
    expect(splitIds(numeric)).toEqual({ ids: null, rest: numeric });
    const nin = { _id: { $nin: ['sc-1'] } };
    expect(splitIds(nin)).toEqual({ ids: null, rest: nin });
  });
});
