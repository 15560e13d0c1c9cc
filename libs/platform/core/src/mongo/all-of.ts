/**
 * The conjunction of query filters, without the empty ones: `allOf(scope, { _id: id })` is
 * `{ _id: id }` for a network-wide caller. An empty member is not harmless: SecantusDB 0.5.3 answers
 * `{ $and: [{}, { _id: id }] }` in time proportional to the collection (76 ms at 200,000 documents
 * against 0.9 ms for `{ _id: id }`), although its explain shows the index.
 */
export function allOf<F extends object>(...filters: readonly object[]): F {
  const kept = filters.filter((f) => Object.keys(f).length > 0);
  if (kept.length === 0) return {} as F;
  if (kept.length === 1) return kept[0] as F;
  return { $and: kept } as unknown as F;
}
