import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AbcClass } from '@aftersales/domain-parts';
import { PartsConfig } from '../config';

/** What the KPIs of one location are made of (its share of the order facts is read apart). */
export interface StockFigures {
  issueValue: number;
  stockValue: number;
  stockOuts: number;
  classes: AbcClass[];
}

const FACTS = '\u0000facts';

/**
 * Computed KPI inputs per location, so a batch for the whole network (946 locations, three collection
 * scans each on the embedded store: about 20 s) recomputes only what changed. Every write path of this
 * service that moves a figure says so (`locationChanged`, `factsChanged`) and the entry is computed
 * again on the next read. Entries older than PARTS_KPI_CACHE_MS are served once more while they are
 * recomputed in the background, which bounds how late another instance's writes show.
 */
@Injectable()
export class KpiCache {
  private readonly cache: LRUCache<string, StockFigures | unknown[], () => Promise<StockFigures | unknown[]>>;

  constructor(@Inject(PartsConfig) config: PartsConfig) {
    this.cache = new LRUCache({
      max: 20_000,
      ttl: config.PARTS_KPI_CACHE_MS,
      allowStale: true,
      fetchMethod: (_key, _stale, { context }) => context(),
    });
  }

  figures(locationId: string, compute: () => Promise<StockFigures>): Promise<StockFigures> {
    return this.cache.fetch(locationId, { context: compute }) as Promise<StockFigures>;
  }

  facts<T>(read: () => Promise<T[]>): Promise<T[]> {
    return this.cache.fetch(FACTS, { context: read }) as Promise<T[]>;
  }

  locationChanged(locationId: string): void {
    this.cache.delete(locationId);
  }

  factsChanged(): void {
    this.cache.delete(FACTS);
  }
}
