import { Directive, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMinSize, IsArray, IsISO31661Alpha2, IsString, Length, Matches } from 'class-validator';

@ObjectType()
@Directive('@key(fields: "id")')
export class Region {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes' })
  countries!: string[];
}

@InputType()
export class RegionInput {
  @Field(() => ID)
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'must be 2-64 lowercase letters, digits or dashes' })
  id!: string;

  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'must be 2-32 uppercase letters, digits or dashes' })
  code!: string;

  @Field()
  @IsString()
  @Length(2, 120)
  name!: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @IsISO31661Alpha2({ each: true, message: 'each country must be an ISO 3166-1 alpha-2 code' })
  countries!: string[];
}
