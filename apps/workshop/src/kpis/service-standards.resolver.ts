import { Args, Field, Float, ID, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { ForbiddenError, ValidationFailedError, type FieldIssue } from '@aftersales/platform-core';
import { CurrentPrincipal, hasRole, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters } from '@aftersales/platform-centers';
import { isMonth, SERVICE_STANDARDS, standardCounters, worstOffenders, type ServiceStandard } from '@aftersales/domain-workshop';
import { KpiStore } from './kpi-store';
import { ServiceCenterRef } from './kpi.types';

const constantCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
/** GraphQL names (GREETING, FAULT_LISTENING, ...) of the domain's standards; values are the names, as federation passes them. */
const ServiceStandardName = Object.fromEntries(SERVICE_STANDARDS.map((s) => [constantCase(s), constantCase(s)])) as Record<string, string>;
registerEnumType(ServiceStandardName, { name: 'ServiceStandard', description: 'A workshop service-time standard of seed 004' });
const STANDARD_OF = new Map<string, ServiceStandard>(SERVICE_STANDARDS.map((s) => [constantCase(s), s]));

@ObjectType({ description: 'A center’s compliance with one service-time standard over one month' })
export class ServiceStandardOffender {
  @Field(() => ID) serviceCenterId!: string;
  @Field(() => ServiceCenterRef) center!: ServiceCenterRef;
  @Field(() => Int) measured!: number;
  @Field(() => Int) compliant!: number;
  @Field(() => Float, { description: 'compliant / measured' }) rate!: number;
}

const MAX_FIRST = 100;

@Resolver()
export class ServiceStandardsResolver {
  constructor(
    private readonly kpis: KpiStore,
    private readonly centers: NetworkCenters,
  ) {}

  @Query(() => [ServiceStandardOffender], {
    description:
      'The region’s centers with the lowest compliance for a standard in a local month, worst first (ties: more measured first, then id); centers with nothing measured are left out. HQ roles and the region’s managers only.',
  })
  async serviceStandardOffenders(
    @CurrentPrincipal() principal: Principal,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('month', { description: 'yyyy-mm' }) month: string,
    @Args('standard', { type: () => ServiceStandardName }) standard: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<ServiceStandardOffender[]> {
    const issues: FieldIssue[] = [];
    if (!isMonth(month)) issues.push({ field: 'month', rule: 'month', message: 'must be a month yyyy-mm' });
    if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) issues.push({ field: 'first', rule: 'range', message: `must be 1 to ${MAX_FIRST}` });
    if (issues.length) throw new ValidationFailedError(issues);
    const manages = hasRole(principal, 'REGION_MANAGER') && principal.regionIds.includes(regionId);
    if (!hasRole(principal, 'HQ_ADMIN', 'HQ_ANALYST') && !manages) throw new ForbiddenError(`only HQ and the managers of region ${regionId} see its offenders`);
    const key = STANDARD_OF.get(standard)!;
    const counters = standardCounters(key);
    const sums = await this.kpis.sums(await this.centers.idsInRegion(regionId), month, month);
    const rows = [...sums].map(([serviceCenterId, c]) => ({ serviceCenterId, measured: c[counters.measured], compliant: c[counters.compliant] }));
    return worstOffenders(rows, first).map((r) => ({ ...r, center: { id: r.serviceCenterId } }));
  }
}
