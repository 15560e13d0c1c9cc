import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { KPI_DEFINITIONS, KPI_KEYS, type KpiKey } from '@aftersales/domain-scorecard';

const constantCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/**
 * GraphQL names in CONSTANT_CASE for the figure keys of the domain library. A federated subgraph's
 * schema is rebuilt from its printed SDL, so enum values arrive as their names: map them here.
 */
export const ScorecardFigure = Object.fromEntries(KPI_KEYS.map((k) => [constantCase(k), constantCase(k)])) as Record<string, string>;
registerEnumType(ScorecardFigure, { name: 'ScorecardFigure', description: 'A figure of the network scorecard' });
const FIGURE_NAMES = Object.keys(ScorecardFigure);

export const ScorecardSort = { SCORE: 'SCORE', CODE: 'CODE', ...ScorecardFigure } as Record<string, string>;
registerEnumType(ScorecardSort, { name: 'ScorecardSort', description: 'What the scorecard rows are ordered by' });

const KEY_OF = new Map<string, KpiKey | 'score' | 'code'>([['SCORE', 'score'], ['CODE', 'code'], ...KPI_KEYS.map((k) => [constantCase(k), k] as const)]);
export const figureKey = (name: string) => KEY_OF.get(name) as KpiKey;
export const sortKey = (name: string) => KEY_OF.get(name)!;
export const figureName = (key: KpiKey) => constantCase(key);

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DEALER_KINDS = ['SERVICE_CENTER', 'FAST_REPAIR_SHOP'] as const;

/** A center owned by network; the scorecard only refers to it so clients can ask for any of its fields. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class ServiceCenter {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class FigureRangeInput {
  @Field(() => ScorecardFigure)
  @IsIn(FIGURE_NAMES, { message: 'figure must be a scorecard figure' })
  figure!: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  max?: number;
}

@InputType()
export class ScorecardInput {
  @Field(() => ID, { nullable: true, description: 'Only the centers of this region' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  regionId?: string;

  @Field({ nullable: true, description: 'Only the centers in this country (ISO 3166-1 alpha-2)' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as BR' })
  country?: string;

  @Field({ nullable: true, description: 'SERVICE_CENTER or FAST_REPAIR_SHOP' })
  @IsOptional()
  @IsIn(DEALER_KINDS, { message: `kind must be one of ${DEALER_KINDS.join(', ')}` })
  kind?: string;

  @Field({ nullable: true, description: 'Only star-certified (true) or only other (false) centers' })
  @IsOptional()
  @IsBoolean()
  star?: boolean;

  @Field({ nullable: true, description: 'First month (yyyy-mm) of the workshop and satisfaction figures; default: January of this year' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month as yyyy-mm' })
  from?: string;

  @Field({ nullable: true, description: 'Last month (yyyy-mm); its year is the complaints year; default: this month' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month as yyyy-mm' })
  to?: string;

  @Field(() => [FigureRangeInput], { nullable: true, description: 'Only centers that have each figure within its range' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FigureRangeInput)
  where?: FigureRangeInput[];

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minScore?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  maxScore?: number;

  @Field(() => ScorecardSort, { defaultValue: 'SCORE' })
  @IsIn(Object.keys(ScorecardSort), { message: 'sortBy must be SCORE, CODE or a scorecard figure' })
  sortBy = 'SCORE';

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  @IsIn(Object.values(SortDirection))
  direction: SortDirection = SortDirection.DESC;

  @Field(() => Int, { defaultValue: 100, description: '1..1000 rows' })
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 1000' })
  @Max(1000, { message: 'first must be between 1 and 1000' })
  first = 100;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0, { message: 'offset must be 0 or more' })
  offset = 0;
}

const figureField = (key: KpiKey) => {
  const counts = KPI_DEFINITIONS[key].goodness === null;
  return Field(() => (counts ? Int : Float), { nullable: true });
};

/** Every figure of one center; null where the service has nothing yet (or you may not see it). */
@ObjectType()
export class ScorecardFigures {
  @figureField('jobOrdersCreated') jobOrdersCreated!: number | null;
  @figureField('jobOrderCloseRate') jobOrderCloseRate!: number | null;
  @figureField('jobOrderOnTimeCloseRate') jobOrderOnTimeCloseRate!: number | null;
  @figureField('jobOrderOnTimeContactRate') jobOrderOnTimeContactRate!: number | null;
  @figureField('jobOrderReopenRate') jobOrderReopenRate!: number | null;
  @figureField('complaints') complaints!: number | null;
  @figureField('complaintRate') complaintRate!: number | null;
  @figureField('complaintClosingRate') complaintClosingRate!: number | null;
  @figureField('complaintOnTimeSolutionRate') complaintOnTimeSolutionRate!: number | null;
  @figureField('repeatComplaintShare') repeatComplaintShare!: number | null;
  @figureField('fixFirstVisitRate') fixFirstVisitRate!: number | null;
  @figureField('partsAvailabilityRate') partsAvailabilityRate!: number | null;
  @figureField('qcPassRate') qcPassRate!: number | null;
  @figureField('onTimeDeliveryRate') onTimeDeliveryRate!: number | null;
  @figureField('estimateAccuracyRate') estimateAccuracyRate!: number | null;
  @figureField('effectiveFollowUpRate') effectiveFollowUpRate!: number | null;
  @figureField('appointmentRate') appointmentRate!: number | null;
  @figureField('rescueScore') rescueScore!: number | null;
  @figureField('greetingComplianceRate') greetingComplianceRate!: number | null;
  @figureField('faultListeningComplianceRate') faultListeningComplianceRate!: number | null;
  @figureField('receptionExitComplianceRate') receptionExitComplianceRate!: number | null;
  @figureField('earlyCompletionComplianceRate') earlyCompletionComplianceRate!: number | null;
  @figureField('paymentComplianceRate') paymentComplianceRate!: number | null;
  @figureField('oldPartsShownComplianceRate') oldPartsShownComplianceRate!: number | null;
  @figureField('followUpCallComplianceRate') followUpCallComplianceRate!: number | null;
  @figureField('hotlineAnswerComplianceRate') hotlineAnswerComplianceRate!: number | null;
  @figureField('lineFillRate') lineFillRate!: number | null;
  @figureField('orderFillRate') orderFillRate!: number | null;
  @figureField('csi') csi!: number | null;
  @figureField('nps') nps!: number | null;
  @figureField('surveyResponses') surveyResponses!: number | null;
  @figureField('surveyResponseRate') surveyResponseRate!: number | null;
  @figureField('callOnTimeContactRate') callOnTimeContactRate!: number | null;
  @figureField('callFollowUpSatisfactionRate') callFollowUpSatisfactionRate!: number | null;
  @figureField('leadsReceived') leadsReceived!: number | null;
  @figureField('leadContactRate') leadContactRate!: number | null;
  @figureField('leadConversionRate') leadConversionRate!: number | null;
}

@ObjectType()
export class ScorecardRow {
  @Field(() => Int, { nullable: true, description: 'Place in this scorecard (after its filters) by score; null without a score' })
  rank!: number | null;

  @Field(() => Int, { nullable: true, description: 'Place by score among every center you may see (the whole network for HQ roles)' })
  networkRank!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Place by score in the whole network, whoever you are (see Scorecard.network); null without a score or when the network benchmark is withheld',
  })
  networkPlace!: number | null;

  @Field(() => Float, { nullable: true, description: 'Composite score 0..1: weighted mean of the goodness of the figures the center has' })
  score!: number | null;

  @Field(() => Float, { description: 'Share of the score weights the center had figures for' })
  coverage!: number;

  @Field(() => ServiceCenter)
  center!: ServiceCenter;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  country!: string;

  @Field(() => ID)
  regionId!: string;

  @Field()
  kind!: string;

  @Field()
  star!: boolean;

  @Field(() => ScorecardFigures)
  figures!: ScorecardFigures;
}

@ObjectType()
export class FigureAverage {
  @Field(() => ScorecardFigure)
  figure!: string;

  @Field(() => Float, { description: 'Mean over the centers that have the figure' })
  mean!: number;

  @Field(() => Float, { description: 'Median over the centers that have the figure' })
  median!: number;

  @Field(() => Int)
  centers!: number;
}

@ObjectType({
  description:
    "The whole network's figures for the same period, for every caller: aggregates only, never another center's row or identity",
})
export class NetworkBenchmark {
  @Field(() => Int, { description: 'Dealer outlets in the network' })
  centers!: number;

  @Field(() => Int, { description: 'The fewest centers any aggregate here stands on; a figure fewer centers have is left out' })
  minCenters!: number;

  @Field({ description: 'When the network figures were read' })
  computedAt!: Date;

  @Field(() => [FigureAverage], { description: 'Mean, median and number of centers of each figure over the whole network, unfiltered' })
  averages!: FigureAverage[];
}

@ObjectType()
export class ScoreWeight {
  @Field(() => ScorecardFigure)
  figure!: string;

  @Field(() => Float)
  weight!: number;
}

@ObjectType()
export class SubgraphRequestCount {
  @Field()
  subgraph!: string;

  @Field(() => Int)
  requests!: number;
}

@ObjectType({ description: 'Every service center you may see with the figures each service contributes, ranked' })
export class Scorecard {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => Int, { description: 'Year of the complaint figures' })
  complaintsYear!: number;

  @Field({ description: 'When the figures were read from the services (they are reused for a few seconds)' })
  computedAt!: Date;

  @Field(() => Int, { description: 'Centers that pass the filters' })
  totalCount!: number;

  @Field(() => Int, { description: 'Centers you may see, before the filters' })
  scopeCount!: number;

  @Field(() => [ScorecardRow])
  rows!: ScorecardRow[];

  @Field(() => [FigureAverage], { description: 'Means over the centers that pass the filters' })
  averages!: FigureAverage[];

  @Field(() => NetworkBenchmark, {
    nullable: true,
    description: 'The whole network for comparison, whatever your scope; null when the network has too few centers for an aggregate not to be one competitor\'s figure (HQ_NETWORK_MIN_CENTERS)',
  })
  network!: NetworkBenchmark | null;

  @Field(() => [ScoreWeight])
  weights!: ScoreWeight[];

  @Field(() => Int, { description: 'GraphQL operations HQ analytics ran through the gateway to read the figures' })
  operations!: number;

  @Field(() => [SubgraphRequestCount], { description: 'Requests each subgraph received for those operations: one per subgraph, whatever the number of centers' })
  subgraphRequests!: SubgraphRequestCount[];

  @Field(() => [String], { description: 'Figures that could not be read (a service down or refusing)' })
  warnings!: string[];
}
