import type { PartsConfig } from '../config';
import { KpiCache, type StockFigures } from './kpi-cache';

const figures = (stockValue: number): StockFigures => ({ issueValue: 0, stockValue, stockOuts: 0, classes: [] });

describe('KPI figures kept per location until a write moves them', () => {
  const cacheFor = (ttlMs: number) => new KpiCache({ PARTS_KPI_CACHE_MS: ttlMs } as PartsConfig);

  it('computes a location once, and again after this instance changed it', async () => {
    const cache = cacheFor(60_000);
    let computed = 0;
    const compute = async () => figures(++computed);
    expect(await cache.figures('sc-1', compute)).toEqual(figures(1));
    expect(await cache.figures('sc-1', compute)).toEqual(figures(1));
    cache.locationChanged('sc-2');
    expect(await cache.figures('sc-1', compute)).toEqual(figures(1));
    cache.locationChanged('sc-1');
    expect(await cache.figures('sc-1', compute)).toEqual(figures(2));
    expect(computed).toBe(2);
  });

  it('keeps the order facts until new ones are written', async () => {
    const cache = cacheFor(60_000);
    let reads = 0;
    const read = async () => [{ n: ++reads }];
    await cache.facts(read);
    expect(await cache.facts(read)).toEqual([{ n: 1 }]);
    cache.factsChanged();
    expect(await cache.facts(read)).toEqual([{ n: 2 }]);
  });

  it('serves figures older than the configured age once more while they are computed again', async () => {
    const cache = cacheFor(30);
    let computed = 0;
    const compute = async () => figures(++computed);
    await cache.figures('sc-1', compute);
    await new Promise((r) => setTimeout(r, 60));
    expect(await cache.figures('sc-1', compute)).toEqual(figures(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(await cache.figures('sc-1', compute)).toEqual(figures(2));
  });
});
