import { RawData, rawData, stringifyResult } from './raw-data';

/** What the gateway wrote before: the answer parsed, its data taken, written again by Apollo Server. */
const reparsed = (text: string, extensions?: object) => `${JSON.stringify({ data: (JSON.parse(text) as { data: unknown }).data, extensions })}\n`;

describe('a subgraph answer passed on unparsed', () => {
  const page = {
    serviceCenters: {
      edges: [
        { node: { id: 'c-1', name: 'Zürich "Nord" \\ 北', rating: 4.5, big: 1e21, small: 1e-7, tags: ['a', null], open: true, none: null } },
        { node: { id: 'c-2', name: 'line\nbreak\ttab\u0001', rating: -0, nested: { deep: [[1, 2], { x: 'y' }] } } },
      ],
    },
    __typename: 'Query',
  };
  const text = `${JSON.stringify({ data: page })}\n`;

  it('writes the same bytes as parsing it and writing it again, with or without extensions', () => {
    const raw = rawData(text);
    expect(raw).toBeInstanceOf(RawData);
    expect(stringifyResult({ data: raw as never })).toBe(reparsed(text));
    const extensions = { subgraphRequests: { network: 1 } };
    expect(stringifyResult({ data: raw as never, extensions })).toBe(reparsed(text, extensions));
    // Anything else that writes it as JSON gets the parsed value.
    expect(JSON.stringify({ data: raw })).toBe(JSON.stringify({ data: page }));
  });

  it('also takes an answer without the trailing newline', () => {
    const compact = JSON.stringify({ data: page });
    expect(stringifyResult({ data: rawData(compact) as never })).toBe(reparsed(compact));
  });

  it.each([
    ['errors beside the data', JSON.stringify({ data: { a: 1 }, errors: [{ message: 'no' }] })],
    ['errors before the data', JSON.stringify({ errors: [{ message: 'no' }], data: { a: null } })],
    ['extensions', JSON.stringify({ data: { a: 1 }, extensions: { cost: 3 } })],
    ['integer-like keys (reordered by a parse)', JSON.stringify({ data: { json: { b: 1, 10: 2 } } })],
    ['more than one line', JSON.stringify({ data: { a: 1 } }, null, 2)],
    ['null data', JSON.stringify({ data: null })],
    ['no data', JSON.stringify({ errors: [{ message: 'no' }] })],
    ['not JSON', 'Bad Gateway'],
  ])('parses as before an answer with %s', (_name, body) => {
    expect(rawData(body)).toBeNull();
  });

  it('writes a parsed result exactly as Apollo Server does', () => {
    const result = { errors: [{ message: 'no', path: ['a'] }], data: { a: null }, extensions: undefined };
    expect(stringifyResult(result)).toBe(`${JSON.stringify(result)}\n`);
  });
});
