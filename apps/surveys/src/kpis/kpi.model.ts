import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CsiFactor } from '@aftersales/domain-surveys';
import { CsiFactorEnum } from '../common/enums';

/** The network's entity, extended here with satisfaction KPIs. */
@ObjectType()
@Directive('@key(fields: "id")')
export class ServiceCenter {
  @Field(() => ID) id!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Region {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class ConfidenceInterval {
  @Field(() => Float) low!: number;
  @Field(() => Float) high!: number;
}

@ObjectType({ description: 'A mean score 0-1000 with its sample size and confidence interval' })
export class ScoreEstimate {
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Int) sampleSize!: number;
  @Field(() => ConfidenceInterval, { nullable: true, description: 'Null below two samples' }) interval!: ConfidenceInterval | null;
}

@ObjectType()
export class FactorScore extends ScoreEstimate {
  @Field(() => CsiFactorEnum) factor!: CsiFactor;
}

@ObjectType({ description: 'Net Promoter Score, -100..100' })
export class NpsEstimate {
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Int) sampleSize!: number;
  @Field(() => Int) promoters!: number;
  @Field(() => Int) passives!: number;
  @Field(() => Int) detractors!: number;
  @Field(() => ConfidenceInterval, { nullable: true }) interval!: ConfidenceInterval | null;
}

@ObjectType({ description: 'Satisfaction KPIs of a period (months yyyy-mm, in each center’s time zone)' })
export class SatisfactionKpis {
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => Float) confidence!: number;
  @Field(() => Int, { description: 'Invitations opened (link issued or call requested)' }) invited!: number;
  @Field(() => Int) responses!: number;
  @Field(() => Float, { nullable: true }) responseRate!: number | null;
  @Field(() => ScoreEstimate, { description: 'CSI, 0-1000, weighted over the five factors' }) csi!: ScoreEstimate;
  @Field(() => NpsEstimate) nps!: NpsEstimate;
  @Field(() => Float, { nullable: true, description: 'Share of rating answers at the top of their scale' }) topBoxShare!: number | null;
  @Field(() => [FactorScore]) factors!: FactorScore[];
}

@ObjectType({ description: 'A customer comment with e-mails, phone numbers and VINs masked' })
export class SurveyVerbatim {
  @Field(() => ID) responseId!: string;
  @Field() at!: Date;
  @Field() language!: string;
  @Field() text!: string;
  @Field(() => Int, { nullable: true }) nps!: number | null;
  @Field(() => Float, { nullable: true }) csi!: number | null;
}
