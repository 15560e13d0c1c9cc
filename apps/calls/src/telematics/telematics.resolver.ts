import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { ValidationFailedError } from '@aftersales/platform-core';
import { CallsConfig } from '../config';
import { TelematicsCountModel, TelematicsEventConnection, TelematicsEventModel, toTelematicsModel } from './dto';
import { encodeTelematicsCursor, TelematicsService } from './telematics.service';

const HQ = ['HQ_ADMIN', 'HQ_ANALYST', 'MANAGEMENT_AGENT'] as const;

@Resolver(() => TelematicsEventModel)
export class TelematicsResolver {
  constructor(
    private readonly service: TelematicsService,
    @Inject(CallsConfig) private readonly config: CallsConfig,
  ) {}

  private checkFirst(first: number) {
    if (first < 1 || first > this.config.CALLS_MAX_PAGE_SIZE) {
      throw new ValidationFailedError([{ field: 'first', rule: 'range', message: `must be between 1 and ${this.config.CALLS_MAX_PAGE_SIZE}` }]);
    }
  }

  @Query(() => TelematicsEventConnection, {
    description: "A vehicle's telematics events, newest first: HQ and the call center see all; a region its dealers'; a dealer those of its customers' vehicles and those whose reaction (a rescue) went to its outlets",
  })
  async vehicleTelematicsEvents(
    @CurrentPrincipal() principal: Principal,
    @Args('vin') vin: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<TelematicsEventConnection> {
    this.checkFirst(first);
    const page = await this.service.vehicleEvents(principal, vin, first, after ?? undefined);
    return { nodes: page.docs.map(toTelematicsModel), endCursor: page.docs.length ? encodeTelematicsCursor(page.docs.at(-1)!) : null, hasNextPage: page.hasNextPage };
  }

  @Query(() => [TelematicsEventModel], { description: 'HQ review: events whose VIN no delivery told the call center about, newest first' })
  @Roles('HQ_ADMIN', 'MANAGEMENT_AGENT')
  async unknownVinTelematicsEvents(@CurrentPrincipal() principal: Principal, @Args('first', { type: () => Int, defaultValue: 50 }) first: number) {
    this.checkFirst(first);
    return (await this.service.unknownVins(principal, first)).map(toTelematicsModel);
  }

  @Mutation(() => TelematicsEventModel, { description: 'HQ looked at an unknown-VIN event and lets it go' })
  @Roles('HQ_ADMIN', 'MANAGEMENT_AGENT')
  async dismissTelematicsEvent(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toTelematicsModel(await this.service.dismissUnknown(principal, id));
  }

  @Query(() => [TelematicsCountModel], { description: 'HQ: telematics events and the reactions they set off, per region and kind, received in [from, to)' })
  @Roles(...HQ)
  telematicsCounts(@Args('from') from: Date, @Args('to') to: Date) {
    return this.service.counts(from, to);
  }
}
