import { ValidationFailedError } from '@aftersales/platform-core';

/** The page size a list query accepts (1..max), refused naming `first` otherwise. */
export function checkPageSize(first: number, max: number): void {
  if (first < 1 || first > max) throw new ValidationFailedError([{ field: 'first', rule: 'range', message: `must be between 1 and ${max}` }]);
}

/**
 * A page as a Relay connection whose `totalCount` is counted only when asked for (its field resolver
 * calls `count`, over the whole filter).
 */
export function countedConnection<R, N>(
  page: { rows: R[]; hasNextPage: boolean; count: () => Promise<number> },
  cursorOf: (row: R) => string,
  nodeOf: (row: R) => N,
) {
  const edges = page.rows.map((r) => ({ cursor: cursorOf(r), node: nodeOf(r) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: 0, count: page.count };
}
