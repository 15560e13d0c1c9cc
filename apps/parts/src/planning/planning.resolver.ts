import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { ClassificationRun, ClassificationRunInput, ImportDemandInput, PartPlanView, ReplenishmentSuggestion } from './planning.model';
import { PlanningService, type RunDoc } from './planning.service';

const toRun = (r: RunDoc): ClassificationRun => ({ ...r, id: r._id });

@Resolver(() => ClassificationRun)
export class PlanningResolver {
  constructor(private readonly planning: PlanningService) {}

  @Mutation(() => ClassificationRun, { description: 'Starts an ABC/XYZ + safety-stock run; poll classificationRun(id) for progress' })
  @Roles('HQ_ADMIN', 'PARTS_PLANNER')
  async runClassification(@Args('input', { type: () => ClassificationRunInput, nullable: true }) input?: ClassificationRunInput) {
    return toRun(await this.planning.start(input ?? {}));
  }

  @Query(() => ClassificationRun)
  @Roles('HQ_ADMIN', 'HQ_ANALYST', 'PARTS_PLANNER')
  async classificationRun(@Args('id', { type: () => ID }) id: string) {
    return toRun(await this.planning.get(id));
  }

  @Mutation(() => Int, { description: 'Loads demand history rows (rows already loaded for a part and month are kept)' })
  @Roles('HQ_ADMIN', 'PARTS_PLANNER')
  importDemandHistory(@CurrentPrincipal() principal: Principal, @Args('input') input: ImportDemandInput): Promise<number> {
    return this.planning.importDemand(principal, input);
  }

  @Query(() => [PartPlanView], { description: 'Classes and stock parameters of a location from the last run' })
  async partPlans(
    @CurrentPrincipal() principal: Principal,
    @Args('locationId', { type: () => ID }) locationId: string,
    @Args('partNumbers', { type: () => [String], nullable: true }) partNumbers?: string[],
  ) {
    return this.planning.plans(principal, locationId, partNumbers ?? undefined);
  }

  @Query(() => [ReplenishmentSuggestion], { description: 'Parts at or below their reorder point, with the quantity to order' })
  replenishmentSuggestions(@CurrentPrincipal() principal: Principal, @Args('locationId', { type: () => ID }) locationId: string) {
    return this.planning.suggestions(principal, locationId);
  }
}
