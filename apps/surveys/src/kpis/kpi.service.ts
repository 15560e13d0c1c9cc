import { Injectable } from '@nestjs/common';
import { ForbiddenError, requestLoader, ValidationFailedError } from '@aftersales/platform-core';
import { scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { kpisFrom, mergeCounters, monthsBetween, PERIOD, type Counters } from '@aftersales/domain-surveys';
import { canReadCenter, NetworkCenters, readableCenters } from '@aftersales/platform-centers';
import { SurveysConfig } from '../config';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { counterId, KpiRepository, type KpiLevel } from './kpi.repository';
import type { SatisfactionKpis, SurveyVerbatim } from './kpi.model';

export interface PeriodRange {
  from: string;
  to: string;
  months: string[];
}

@Injectable()
export class KpiService {
  constructor(
    private readonly repo: KpiRepository,
    private readonly invitations: InvitationsRepository,
    private readonly centers: NetworkCenters,
    private readonly config: SurveysConfig,
  ) {}

  /** Whether the caller may read a center's figures; only a region manager's answer needs the center (one read per request). */
  private async canRead(ctx: object, principal: Principal, centerId: string): Promise<boolean> {
    return canReadCenter(ctx, this.centers, principal, centerId);
  }

  range(from: string, to?: string | null): PeriodRange {
    const end = to ?? from;
    const issues = [
      ...(PERIOD.test(from) ? [] : [{ field: 'from', rule: 'period', message: 'must be a month yyyy-mm' }]),
      ...(PERIOD.test(end) ? [] : [{ field: 'to', rule: 'period', message: 'must be a month yyyy-mm' }]),
    ];
    if (issues.length) throw new ValidationFailedError(issues);
    try {
      return { from, to: end, months: monthsBetween(from, end) };
    } catch (e) {
      throw new ValidationFailedError([{ field: 'to', rule: 'range', message: (e as Error).message }]);
    }
  }

  /** Center KPIs in batch (one loader per request and range); out-of-scope centers are refused. */
  async forCenter(ctx: object, principal: Principal, centerId: string, range: PeriodRange): Promise<SatisfactionKpis> {
    const kpis = await this.forCenterIfReadable(ctx, principal, centerId, range);
    if (!kpis) throw new ForbiddenError(`Service center ${centerId} is outside your scope`);
    return kpis;
  }

  /** As forCenter, with null instead of a refusal for a center outside the caller's scope. */
  forCenterIfReadable(ctx: object, principal: Principal, centerId: string, range: PeriodRange): Promise<SatisfactionKpis | null> {
    return requestLoader(ctx, `kpi:centers:${range.from}:${range.to}`, (ids) => this.forCenters(ctx, principal, ids, range)).load(centerId);
  }

  /** The KPIs of the centers of `ids` the caller may see (the others are left out), in one read. */
  async forCenters(ctx: object, principal: Principal, ids: readonly string[], range: PeriodRange): Promise<Map<string, SatisfactionKpis>> {
    const readable = await readableCenters(ctx, this.centers, principal, ids);
    const found = await this.repo.countersOver('center', readable, range.from, range.to);
    return new Map(readable.map((id) => [id, this.view(found.get(id) ?? {}, range)]));
  }

  async forRegion(ctx: object, principal: Principal, regionId: string, range: PeriodRange): Promise<SatisfactionKpis> {
    const kind = scopeKindOf(principal);
    if (kind === 'centers' || (kind === 'regions' && !principal.regionIds.includes(regionId))) {
      throw new ForbiddenError(`Region ${regionId} is outside your scope`);
    }
    return this.view(await this.loader(ctx, 'region', range).load(regionId), range);
  }

  async forKey(level: 'country' | 'network', key: string, range: PeriodRange): Promise<SatisfactionKpis> {
    const found = await this.repo.counters(range.months.map((m) => counterId(level, key, m)));
    return this.view(mergeCounters(...found.values()), range);
  }

  async verbatims(ctx: object, principal: Principal, centerId: string, period: string, first: number): Promise<SurveyVerbatim[]> {
    this.range(period);
    if (first < 1 || first > 200) throw new ValidationFailedError([{ field: 'first', rule: 'range', message: 'must be between 1 and 200' }]);
    if (!(await this.canRead(ctx, principal, centerId))) throw new ForbiddenError(`Service center ${centerId} is outside your scope`);
    const rows = await this.invitations.verbatims(centerId, period, first);
    return rows.map((r) => ({
      responseId: r._id,
      at: r.answeredAt,
      language: r.language,
      text: r.response.verbatimMasked,
      nps: r.response.scored.nps ?? null,
      csi: r.response.scored.csi ?? null,
    }));
  }

  private loader(ctx: object, level: KpiLevel, range: PeriodRange) {
    return requestLoader<Counters>(ctx, `kpi:${level}:${range.from}:${range.to}`, async (keys) => {
      const found = await this.repo.countersOver(level, keys, range.from, range.to);
      return new Map(keys.map((k) => [k, found.get(k) ?? {}]));
    });
  }

  private view(counters: Counters | null, range: PeriodRange): SatisfactionKpis {
    const k = kpisFrom(counters ?? {}, this.config.SURVEYS_CONFIDENCE);
    return { from: range.from, to: range.to, confidence: this.config.SURVEYS_CONFIDENCE, ...k };
  }
}
