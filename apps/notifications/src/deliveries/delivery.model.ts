import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeliveryChannelEnum, DeliveryKindEnum, DeliveryStatusEnum } from '../common/enums';
import type { DeliveryDoc } from './delivery.schema';

@ObjectType('NotificationDelivery', { description: 'One message on one outside channel (e-mail, SMS), with its attempts' })
export class DeliveryModel {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The event it tells about' }) eventId!: string;
  @Field(() => DeliveryKindEnum) kind!: string;
  @Field(() => DeliveryChannelEnum) channel!: string;
  @Field({ description: 'E-mail address or phone number' }) address!: string;
  @Field() recipientId!: string;
  @Field() serviceCenterId!: string;
  @Field() subject!: string;
  @Field(() => DeliveryStatusEnum) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the daily digest it waits for goes out' }) digestAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('NotificationDeliveryConnection')
export class DeliveryConnection {
  @Field(() => [DeliveryModel]) nodes!: DeliveryModel[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

export function toDeliveryModel(d: DeliveryDoc): DeliveryModel {
  return {
    id: d._id,
    eventId: d.eventId,
    kind: d.kind,
    channel: d.channel,
    address: d.address,
    recipientId: d.recipientId,
    serviceCenterId: d.serviceCenterId,
    subject: d.subject,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastError: d.lastError,
    lastAttemptAt: d.lastAttemptAt,
    sentAt: d.sentAt,
    digestAt: d.digestAt,
    createdAt: d.createdAt,
  };
}
