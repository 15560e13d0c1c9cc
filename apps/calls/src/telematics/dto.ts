import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DtcSeverities, TelematicsKinds, TelematicsReactionKinds } from '@aftersales/domain-calls';
import { TelematicsChannels, TelematicsStatuses, type TelematicsEventDoc } from './telematics-event.schema';

const enumOf = <T extends string>(values: readonly T[], name: string) => {
  const e = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(e, { name });
  return e;
};
export const TelematicsKind = enumOf(TelematicsKinds, 'TelematicsKind');
export const TelematicsReactionKind = enumOf(TelematicsReactionKinds, 'TelematicsReactionKind');
export const DtcSeverity = enumOf(DtcSeverities, 'DtcSeverity');
export const TelematicsChannel = enumOf(TelematicsChannels, 'TelematicsChannel');
export const TelematicsStatus = enumOf(TelematicsStatuses, 'TelematicsStatus');

@ObjectType('TelematicsLocation')
export class TelematicsLocationModel {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
}

@ObjectType('TelematicsFault')
export class TelematicsFaultModel {
  @Field() code!: string;
  @Field(() => DtcSeverity) severity!: string;
  @Field(() => Float) odometerKm!: number;
}

@ObjectType('TelematicsReaction', { description: 'What the call center set off: a rescue at an outlet, a call in the outbound queue, an appointment proposed at the dealer' })
export class TelematicsReactionModel {
  @Field(() => TelematicsReactionKind) kind!: string;
  @Field(() => ID, { nullable: true }) serviceCenterId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The outbound task, for calls' }) taskId!: string | null;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
}

@ObjectType('TelematicsEvent')
export class TelematicsEventModel {
  @Field(() => ID) id!: string;
  @Field() provider!: string;
  @Field() eventId!: string;
  @Field(() => TelematicsChannel) channel!: string;
  @Field() vin!: string;
  @Field(() => TelematicsKind) kind!: string;
  @Field() occurredAt!: Date;
  @Field() receivedAt!: Date;
  @Field(() => TelematicsLocationModel, { nullable: true }) location!: TelematicsLocationModel | null;
  @Field(() => Int, { nullable: true }) heading!: number | null;
  @Field(() => Boolean, { nullable: true }) airbagDeployed!: boolean | null;
  @Field(() => TelematicsFaultModel, { nullable: true }) dtc!: TelematicsFaultModel | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => TelematicsStatus) status!: string;
  @Field(() => ID, { nullable: true, description: "The customer's dealer (the one that delivered the vehicle)" }) dealerId!: string | null;
  @Field(() => [TelematicsReactionModel]) reactions!: TelematicsReactionModel[];
}

@ObjectType('TelematicsEventConnection')
export class TelematicsEventConnection {
  @Field(() => [TelematicsEventModel]) nodes!: TelematicsEventModel[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType('TelematicsCount')
export class TelematicsCountModel {
  @Field(() => ID, { nullable: true, description: 'Null: events of unknown VINs, or of dealers in no region' }) regionId!: string | null;
  @Field(() => TelematicsKind) kind!: string;
  @Field(() => Int) events!: number;
  @Field(() => Int) reactions!: number;
}

export const toTelematicsModel = (d: TelematicsEventDoc): TelematicsEventModel => ({
  id: d._id,
  provider: d.provider,
  eventId: d.eventId,
  channel: d.channel,
  vin: d.vin,
  kind: d.kind,
  occurredAt: d.occurredAt,
  receivedAt: d.receivedAt,
  location: d.location,
  heading: d.heading,
  airbagDeployed: d.airbagDeployed,
  dtc: d.dtc,
  description: d.description,
  status: d.status,
  dealerId: d.dealerId,
  reactions: d.reactions,
});
