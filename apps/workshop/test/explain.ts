/** The winning plan reads the index meant for the query, never the whole collection. */
export function expectIndexed(plan: unknown, index: string): void {
  const text = JSON.stringify(plan);
  expect(text).not.toContain('COLLSCAN');
  expect(text).toContain(`"indexName":"${index}"`);
}
