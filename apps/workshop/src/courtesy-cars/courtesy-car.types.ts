import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCode, IsPlainLine } from '@aftersales/contracts';

@InputType()
export class AddCourtesyCarInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 80)
  serviceCenterId!: string;

  @Field()
  @IsString()
  @Length(1, 20)
  @IsCode()
  plate!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  @IsPlainLine()
  model!: string;
}

@InputType('CarReadingInput')
export class CarReadingInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(2_000_000)
  mileageKm!: number;

  @Field(() => Int, { description: 'Fuel (or charge) level, 0-100' })
  @IsInt()
  @Min(0)
  @Max(100)
  fuelPercent!: number;
}

@InputType()
export class AssignCourtesyCarInput extends CarReadingInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 80)
  carId!: string;

  @Field(() => ID, { nullable: true, description: 'A long repair (or the advisor\'s choice): the repair order' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  repairOrderId?: string;

  @Field(() => ID, { nullable: true, description: 'A remote rescue (scope REMOTE)' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  rescueId?: string;

  @Field({ nullable: true, defaultValue: false, description: 'The advisor gives a car on a shorter repair' })
  @IsOptional()
  @IsBoolean()
  advisorChoice?: boolean;
}

@ObjectType('CarReading')
export class CarReadingModel {
  @Field(() => Int) mileageKm!: number;
  @Field(() => Int) fuelPercent!: number;
}

@ObjectType()
export class CourtesyAssignment {
  @Field(() => ID) id!: string;
  @Field(() => ID) carId!: string;
  @Field(() => ID) serviceCenterId!: string;
  @Field({ description: 'REPAIR_ORDER or RESCUE' }) subjectKind!: string;
  @Field(() => ID) subjectId!: string;
  @Field({ description: 'LONG_REPAIR, ADVISOR_CHOICE or REMOTE_RESCUE' }) reason!: string;
  @Field(() => ID) assignedBy!: string;
  @Field() assignedAt!: Date;
  @Field(() => CarReadingModel) out!: CarReadingModel;
  @Field(() => Date, { nullable: true }) returnedAt!: Date | null;
  @Field(() => CarReadingModel, { nullable: true }) in!: CarReadingModel | null;
}

@ObjectType()
export class CourtesyCar {
  @Field(() => ID) id!: string;
  @Field(() => ID) serviceCenterId!: string;
  @Field() plate!: string;
  @Field() model!: string;
  @Field(() => ID, { nullable: true, description: 'The assignment it is out on; null when in the pool' }) currentAssignmentId!: string | null;
}

@ObjectType()
export class CourtesyCarUsage {
  @Field(() => ID) serviceCenterId!: string;
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => Int) cars!: number;
  @Field(() => Int, { description: 'Assignments starting in the period' }) assignments!: number;
  @Field(() => Int, { description: 'Car-days in use (local days, the center\'s time zone)' }) daysInUse!: number;
  @Field(() => Float, { nullable: true, description: 'Car-days in use / car-days in the period; null without cars' }) utilisation!: number | null;
}

