import { Directive, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsLatitude, IsLongitude, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { WorkingCalendarType } from '../common/calendar.types';
import { ServiceCenterKind, ServiceCenterStatus } from '../common/enums';

@ObjectType('GeoPoint')
@InputType('GeoPointInput')
export class GeoPoint {
  @Field(() => Float)
  @Type(() => Number)
  @IsLatitude({ message: 'must be a latitude between -90 and 90' })
  lat!: number;

  @Field(() => Float)
  @Type(() => Number)
  @IsLongitude({ message: 'must be a longitude between -180 and 180' })
  lng!: number;
}

@ObjectType('Address')
@InputType('AddressInput')
export class Address {
  @Field()
  @IsString()
  @Length(1, 200)
  line1!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  city!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalCode?: string;
}

@ObjectType('StarCertification', { description: 'Star service center (5M1E facility audit)' })
export class StarCertification {
  @Field({ description: 'Date of the audit that granted the star, YYYY-MM-DD' })
  auditDate!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class ServiceCenter {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => ServiceCenterKind)
  kind!: ServiceCenterKind;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  country!: string;

  @Field(() => ID)
  regionId!: string;

  @Field(() => ID, { nullable: true, description: 'Regional center of a dealer, HQ of a regional center' })
  parentId!: string | null;

  @Field({ description: 'IANA time zone: SLA clocks run in it' })
  timeZone!: string;

  @Field(() => GeoPoint)
  location!: GeoPoint;

  @Field(() => Address)
  address!: Address;

  @Field(() => [String], { description: 'E.164' })
  phones!: string[];

  @Field(() => StarCertification, { nullable: true })
  star!: StarCertification | null;

  /**
   * A plain field set when the stored version is shaped (toServiceCenter), not a field resolver: through
   * Nest's resolver pipeline it cost two thirds of the network's CPU on a directory page of 500.
   */
  @Field({ description: 'Certified as a star service center' })
  isStar!: boolean;

  @Field(() => WorkingCalendarType)
  calendar!: WorkingCalendarType;

  @Field(() => ServiceCenterStatus)
  status!: ServiceCenterStatus;

  @Field({ description: 'Offers 24 h roadside rescue' })
  rescue24h!: boolean;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class ServiceCenterEdge {
  @Field()
  cursor!: string;

  @Field(() => ServiceCenter)
  node!: ServiceCenter;
}

@ObjectType()
export class ServiceCenterConnection {
  @Field(() => [ServiceCenterEdge])
  edges!: ServiceCenterEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All centers matching the filter within your scope' })
  totalCount!: number;
}

@ObjectType()
export class NearestServiceCenter {
  @Field(() => Float)
  distanceKm!: number;

  @Field(() => ServiceCenter)
  serviceCenter!: ServiceCenter;
}
