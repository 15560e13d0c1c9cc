import { genuineCode } from './catalog';
import { parseNames, rollUpSuperseded, supersessionIssue, validateEpcRow } from './epc-import';

const CODE = genuineCode(new Uint8Array(12).fill(7));
const keys = (r: ReturnType<typeof validateEpcRow>) => ('issues' in r ? r.issues.map((i) => `${i.field}:${i.rule}`) : []);

describe('EPC catalog rows', () => {
  it('reads names in several languages, a supersession, price, unit, lead time and genuine codes', () => {
    const r = validateEpcRow({ partNumber: 'p-pad-01', names: 'en:Brake pad set|zh-CN:刹车片|de:Bremsbeläge', supersededBy: 'p-pad-02', listPrice: '42.5', unit: 'set', leadTimeDays: '', genuineCodes: `${CODE.toLowerCase()};${CODE}` });
    expect(r).toEqual({
      value: {
        partNumber: 'P-PAD-01',
        names: [
          { lang: 'en', text: 'Brake pad set' },
          { lang: 'zh-CN', text: '刹车片' },
          { lang: 'de', text: 'Bremsbeläge' },
        ],
        supersededBy: 'P-PAD-02',
        listPrice: 42.5,
        unit: 'SET',
        leadTimeDays: 30,
        genuineCodes: [CODE],
      },
    });
  });

  it('reports every broken field', () => {
    const r = validateEpcRow({ partNumber: 'x', names: 'Brake pad', supersededBy: '', listPrice: '-1', unit: 'BOX', leadTimeDays: '0', genuineCodes: 'NOTACODE' });
    expect(keys(r)).toEqual(['partNumber:partNumber', 'names:langText', 'listPrice:price', 'unit:enum', 'leadTimeDays:range', 'genuineCodes:genuineCode']);
    expect(keys(validateEpcRow({ partNumber: 'P-1X', names: 'en:A', supersededBy: 'P-1X', listPrice: '1' }))).toEqual(['supersededBy:notSelf']);
    expect(validateEpcRow({ partNumber: 'P-1X', names: 'en:A', listPrice: '19.99' })).toMatchObject({ value: { listPrice: 19.99 } });
    expect(keys(validateEpcRow({ partNumber: 'P-1X', names: 'en:A', listPrice: '1.23456' }))).toEqual(['listPrice:price']);
    expect(parseNames('en:A|en:B')).toEqual({ issue: expect.objectContaining({ rule: 'uniqueLanguages' }) });
  });
});

describe('supersession chains at import', () => {
  const graph = (edges: Record<string, string | null>) => (pn: string) => (pn in edges ? edges[pn] : undefined);

  it('accepts a chain ending at a current part, in the file or in the catalog', () => {
    expect(supersessionIssue('A', graph({ A: 'B', B: 'C', C: null }))).toBeNull();
  });

  it('refuses a cycle, naming it, and a replacement that exists nowhere', () => {
    expect(supersessionIssue('A', graph({ A: 'B', B: 'C', C: 'A' }))).toEqual({ field: 'supersededBy', rule: 'cycle', message: 'supersession cycle: A -> B -> C -> A' });
    expect(supersessionIssue('A', graph({ A: 'B', B: 'C', C: 'B' }))?.rule).toBe('cycle');
    expect(supersessionIssue('A', graph({ A: 'B' }))).toEqual({ field: 'supersededBy', rule: 'exists', message: 'part B is neither in the catalog nor in the file' });
  });

  it('rolls the demand of superseded numbers into the newest one', () => {
    const out = rollUpSuperseded(new Map([['OLD', [1, 2]], ['NEW', [10, 20]], ['OTHER', [5, 5]]]), new Map([['OLD', 'NEW'], ['NEW', 'NEW'], ['OTHER', 'OTHER']]));
    expect([...out].map(([k, v]) => [k, [...v]])).toEqual([['NEW', [11, 22]], ['OTHER', [5, 5]]]);
  });
});
