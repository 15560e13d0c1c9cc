import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The network's ServiceCenter entity; this subgraph adds its complaint KPIs. */
@ObjectType('ServiceCenter')
@Directive('@key(fields: "id")')
export class ServiceCenterRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Region')
@Directive('@key(fields: "id")')
export class RegionRef {
  @Field(() => ID)
  id!: string;
}
