import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsISO31661Alpha2, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsEmailAddress, IsPersonName, IsVin } from '@aftersales/contracts';

const E164 = /^\+[1-9]\d{7,14}$/;

@ObjectType('WorkshopCustomer')
@InputType('WorkshopCustomerInput')
export class CustomerType {
  @Field()
  @IsString()
  @Length(1, 200)
  @IsPersonName()
  name!: string;

  @Field({ nullable: true, description: 'E.164' })
  @IsOptional()
  @Matches(E164, { message: 'must be an E.164 phone number such as +8613800138000' })
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code' })
  country!: string;

  @Field({ nullable: true, description: 'BCP-47, e.g. zh-CN' })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string;
}

@ObjectType('WorkshopVehicle')
@InputType('WorkshopVehicleInput')
export class VehicleType {
  @Field({ description: '17-character VIN (ISO 3779), as typed: case, spaces and dashes do not matter (stored normalized); check digit verified for North American (1-5) and Chinese (L) VINs' })
  @IsVin()
  vin!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5_000_000)
  mileageKm?: number;
}

export interface Customer {
  name: string;
  phone?: string;
  email?: string;
  country: string;
  language?: string;
}

export interface Vehicle {
  vin: string;
  model?: string;
  mileageKm?: number;
}

/** Plain copies for documents and events: class-validator instances and undefined keys stay out. */
export function plainCustomer(c: Customer): Customer {
  return JSON.parse(JSON.stringify({ name: c.name, phone: c.phone, email: c.email, country: c.country, language: c.language })) as Customer;
}

export function plainVehicle(v: Vehicle): Vehicle {
  return JSON.parse(JSON.stringify({ vin: v.vin, model: v.model, mileageKm: v.mileageKm })) as Vehicle;
}
