import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';

const timestamp = { message: 'must be an ISO-8601 timestamp' };

/** Reception moments the service-time standards measure; each optional (an omitted one is "not measured"). */
@InputType()
export class ReceptionTimesInput {
  @Field({ nullable: true, description: 'The customer arrived at reception' })
  @IsOptional()
  @Type(() => Date)
  @IsDate(timestamp)
  arrivedAt?: Date;

  @Field({ nullable: true, description: 'An advisor greeted the customer (standard: within 1 min of arrival)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate(timestamp)
  greetedAt?: Date;

  @Field({ nullable: true, description: 'The advisor started listening to the fault' })
  @IsOptional()
  @Type(() => Date)
  @IsDate(timestamp)
  faultListeningStartedAt?: Date;

  @Field({ nullable: true, description: '... and stopped (standard: at least 5 min)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate(timestamp)
  faultListeningEndedAt?: Date;
}

@ObjectType('RepairServiceTimes', { description: 'The moments the service-time standards are measured from; null when not recorded' })
export class ServiceTimesModel {
  @Field(() => Date, { nullable: true }) arrivedAt!: Date | null;
  @Field(() => Date, { nullable: true }) greetedAt!: Date | null;
  @Field(() => Date, { nullable: true }) faultListeningStartedAt!: Date | null;
  @Field(() => Date, { nullable: true }) faultListeningEndedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'The car left the reception bay' }) leftReceptionAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'The settlement was presented to the customer' }) settlementPresentedAt!: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'The old parts were shown at delivery (the checkbox)' }) oldPartsShown!: boolean | null;
}
