import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { importJobView } from '@aftersales/platform-imports';
import { EPC_IMPORT_KIND, EpcImportsService } from './epc-imports.service';
import { ImportPartsCatalogInput, PartsCatalogImportJob } from './epc-imports.types';

@Resolver(() => PartsCatalogImportJob)
export class EpcImportsResolver {
  constructor(private readonly imports: EpcImportsService) {}

  @Mutation(() => PartsCatalogImportJob, { description: 'Imports an EPC parts-catalog file (CSV or XLSX, up to 50,000 rows); returns the job at once, rows are processed in the background' })
  @Roles('HQ_ADMIN', 'PARTS_PLANNER')
  async importPartsCatalog(@CurrentPrincipal() principal: Principal, @Args('input') input: ImportPartsCatalogInput) {
    return importJobView((await this.imports.start(principal, input)).job);
  }

  @Query(() => PartsCatalogImportJob, { description: 'A parts-catalog import: status, counts, progress and a page of row issues' })
  @Roles('HQ_ADMIN', 'PARTS_PLANNER')
  async partsCatalogImportJob(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('issuesOffset', { type: () => Int, defaultValue: 0 }) issuesOffset: number,
    @Args('issuesLimit', { type: () => Int, defaultValue: 100 }) issuesLimit: number,
  ) {
    return importJobView(await this.imports.jobs.get(principal, EPC_IMPORT_KIND, id), Math.max(0, issuesOffset), Math.min(Math.max(0, issuesLimit), 500));
  }
}
