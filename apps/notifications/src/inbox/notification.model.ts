import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NotificationKindEnum, NotificationLanguageEnum } from '../common/enums';
import type { NotificationDoc } from './notification.schema';

@ObjectType('Notification', { description: 'An item of your in-app inbox: what you were told, in your language, and how it was delivered' })
export class NotificationModel {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKindEnum) kind!: string;
  @Field() subject!: string;
  @Field({ description: 'The whole message: what to do, the deadline in your center time zone, the link' }) body!: string;
  @Field({ description: 'Console link to the object' }) link!: string;
  @Field(() => NotificationLanguageEnum) language!: string;
  @Field(() => Date, { nullable: true }) deadlineAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The deadline as written in the message' }) deadlineText!: string | null;
  @Field() serviceCenterId!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field() read!: boolean;
}

@ObjectType('NotificationConnection')
export class NotificationConnection {
  @Field(() => [NotificationModel]) nodes!: NotificationModel[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

export function toNotificationModel(d: NotificationDoc): NotificationModel {
  return {
    id: d._id,
    kind: d.kind,
    subject: d.subject,
    body: d.body,
    link: d.link,
    language: d.language,
    deadlineAt: d.deadlineAt,
    deadlineText: d.deadlineText,
    serviceCenterId: d.serviceCenterId,
    createdAt: d.createdAt,
    readAt: d.readAt,
    read: d.readAt !== null,
  };
}
