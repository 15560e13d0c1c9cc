import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsVin } from '@aftersales/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class RegisterVehicleWarrantyInput {
  @Field({ description: '17-character VIN, as typed (stored normalized)' })
  @IsVin()
  vin!: string;

  @Field({ description: "Local date of the sale YYYY-MM-DD (the selling dealer's zone)" })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  saleDate!: string;

  @Field(() => ID, { description: 'The selling dealer (a service center)' })
  @IsString()
  @Length(1, 64)
  sellingServiceCenterId!: string;

  @Field(() => Int, { nullable: true, description: 'Odometer at the sale (default 0): coverage kilometres count from it' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  odometerAtSaleKm?: number;
}

@InputType()
export class AddWarrantyExtensionInput {
  @Field()
  @IsVin()
  vin!: string;

  @Field(() => ID, { description: 'An EXTENDED policy' })
  @IsString()
  @Length(1, 64)
  policyId!: string;

  @Field({ description: 'Local date of purchase YYYY-MM-DD; it counts for repairs on or after it' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  purchaseDate!: string;
}

@ObjectType('WarrantyExtension')
export class WarrantyExtensionModel {
  @Field(() => ID) policyId!: string;
  @Field() purchaseDate!: string;
  @Field() recordedAt!: Date;
  @Field() recordedBy!: string;
}

@ObjectType('VehicleWarranty')
export class VehicleWarrantyModel {
  @Field() vin!: string;
  @Field() saleDate!: string;
  @Field(() => ID) sellingServiceCenterId!: string;
  @Field(() => Int) odometerAtSaleKm!: number;
  @Field(() => [WarrantyExtensionModel]) extensions!: WarrantyExtensionModel[];
  @Field() registeredAt!: Date;
}
