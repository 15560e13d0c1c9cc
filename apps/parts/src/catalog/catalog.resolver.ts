import { Args, Mutation, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { GenuineCheck, IssueGenuineCodesInput, Part, PartInput, VerifyGenuineCodeInput } from './catalog.model';
import { CatalogService } from './catalog.service';

@Resolver(() => Part)
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Query(() => Part, { description: 'A catalog part by number' })
  async part(@Args('partNumber') partNumber: string) {
    return this.catalog.toPart(await this.catalog.getOrThrow(partNumber));
  }

  @ResolveField(() => String, { description: 'The part to supply today (end of the supersession chain)' })
  currentPartNumber(@Parent() part: Part): Promise<string> {
    return this.catalog.current(part.partNumber);
  }

  @ResolveField(() => String, { nullable: true, description: 'Name in a language, falling back to its base language, then English' })
  name(@Parent() part: Part, @Args('lang', { defaultValue: 'en' }) lang: string): string | null {
    const base = lang.split('-')[0];
    return (part.names.find((n) => n.lang === lang) ?? part.names.find((n) => n.lang.split('-')[0] === base) ?? part.names.find((n) => n.lang === 'en') ?? part.names[0])?.text ?? null;
  }

  @Mutation(() => Part, { description: 'HQ parts planning: create or replace a catalog part' })
  @Roles('HQ_ADMIN', 'PARTS_PLANNER')
  async upsertPart(@Args('input') input: PartInput) {
    return this.catalog.toPart(await this.catalog.upsert(input));
  }

  @Mutation(() => [String], { description: 'Codes for genuine packages of a part, one per package' })
  @Roles('HQ_ADMIN', 'PARTS_PLANNER')
  issueGenuineCodes(@Args('input') input: IssueGenuineCodesInput): Promise<string[]> {
    return this.catalog.issueCodes(input.partNumber, input.count);
  }

  @Mutation(() => GenuineCheck, { description: 'Checks a package code; each code is genuine once only' })
  verifyGenuineCode(@CurrentPrincipal() principal: Principal, @Args('input') input: VerifyGenuineCodeInput): Promise<GenuineCheck> {
    return this.catalog.verify(principal, input.code, input.partNumber, input.locationId);
  }
}
