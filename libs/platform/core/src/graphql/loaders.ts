import DataLoader from 'dataloader';

type LoaderContext = { loaders?: Map<string, DataLoader<string, unknown>> };

/**
 * One DataLoader per request and key, kept on the GraphQL context: entity references and
 * per-center fields asked for many rows are fetched in one batch instead of one query each.
 */
export function requestLoader<V>(
  context: object,
  key: string,
  batch: (ids: readonly string[]) => Promise<Map<string, V>>,
): DataLoader<string, V | null> {
  const ctx = context as LoaderContext;
  ctx.loaders ??= new Map();
  let loader = ctx.loaders.get(key) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(async (ids) => {
      const found = await batch(ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    ctx.loaders.set(key, loader as DataLoader<string, unknown>);
  }
  return loader;
}
