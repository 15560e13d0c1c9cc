import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { importJobView } from '@aftersales/platform-imports';
import { DMS_IMPORT_KIND, DmsImportsService } from './dms-imports.service';
import { ImportRepairOrderHistoryInput, RepairOrderImportJob } from './dms-imports.types';

@Resolver(() => RepairOrderImportJob)
export class DmsImportsResolver {
  constructor(private readonly imports: DmsImportsService) {}

  @Mutation(() => RepairOrderImportJob, {
    description: 'Imports a DMS repair-order history file (CSV or XLSX, up to 50,000 rows) for one center; returns the job at once, rows are processed in the background',
  })
  @Roles('HQ_ADMIN', 'DEALER')
  async importRepairOrderHistory(@CurrentPrincipal() principal: Principal, @Args('input') input: ImportRepairOrderHistoryInput) {
    return importJobView((await this.imports.start(principal, input)).job);
  }

  @Query(() => RepairOrderImportJob, { description: 'A repair-order history import: status, counts, progress and a page of row issues' })
  @Roles('HQ_ADMIN', 'HQ_ANALYST', 'REGION_MANAGER', 'DEALER')
  async repairOrderImportJob(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('issuesOffset', { type: () => Int, defaultValue: 0 }) issuesOffset: number,
    @Args('issuesLimit', { type: () => Int, defaultValue: 100 }) issuesLimit: number,
  ) {
    return importJobView(await this.imports.jobs.get(principal, DMS_IMPORT_KIND, id), Math.max(0, issuesOffset), Math.min(Math.max(0, issuesLimit), 500));
  }
}
