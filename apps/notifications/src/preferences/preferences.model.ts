import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { Channels, Languages, NotificationKinds, type Channel, type Language, type NotificationKind } from '@aftersales/domain-notifications';
import { NotificationChannelEnum, NotificationKindEnum, NotificationLanguageEnum } from '../common/enums';
import type { PreferenceDoc } from './preference.schema';

@ObjectType('NotificationPreferences')
export class PreferencesModel {
  @Field(() => [NotificationChannelEnum]) channels!: Channel[];
  @Field(() => [NotificationKindEnum], { description: 'Kinds you are told nothing about, on any channel' }) mutedKinds!: NotificationKind[];
  @Field({ description: "E-mails collected and sent once a day, at your center's local morning" }) dailyDigest!: boolean;
  @Field(() => NotificationLanguageEnum, { nullable: true, description: "Null: the language of your center's country" }) language!: Language | null;
  @Field(() => String, { nullable: true, description: 'Where SMS go (E.164)' }) phone!: string | null;
}

@InputType()
export class NotificationPreferencesInput {
  @Field(() => [NotificationChannelEnum])
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one channel (mute kinds instead to hear less)' })
  @ArrayUnique({ message: 'must not name a channel twice' })
  @IsIn(Channels, { each: true })
  channels!: Channel[];

  @Field(() => [NotificationKindEnum], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(NotificationKinds.length)
  @ArrayUnique({ message: 'must not name a kind twice' })
  @IsIn(NotificationKinds, { each: true })
  mutedKinds!: NotificationKind[];

  @Field({ defaultValue: false })
  @IsBoolean()
  dailyDigest!: boolean;

  @Field(() => NotificationLanguageEnum, { nullable: true })
  @IsOptional()
  @IsIn(Languages)
  language?: Language | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'must be an E.164 phone number such as +5511987654321' })
  phone?: string | null;
}

export const toPreferencesModel = (d: PreferenceDoc): PreferencesModel => ({
  channels: d.channels,
  mutedKinds: d.mutedKinds,
  dailyDigest: d.dailyDigest,
  language: d.language,
  phone: d.phone,
});
