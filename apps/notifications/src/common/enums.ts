import { registerEnumType } from '@nestjs/graphql';
import { Channels, Languages, NotificationKinds } from '@aftersales/domain-notifications';
import { DeliveryChannels, DeliveryStatuses } from '../deliveries/delivery.schema';

/** GraphQL enums mirror the domain's literal unions (one source of truth for the values). */
const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const NotificationKindEnum = enumOf(NotificationKinds);
export const NotificationChannelEnum = enumOf(Channels);
export const NotificationLanguageEnum = enumOf(Languages);
export const DeliveryChannelEnum = enumOf(DeliveryChannels);
export const DeliveryStatusEnum = enumOf(DeliveryStatuses);
export const DeliveryKindEnum = enumOf([...NotificationKinds, 'DIGEST'] as const);

registerEnumType(NotificationKindEnum, { name: 'NotificationKind', description: 'What a notification is about; the unit a user can mute' });
registerEnumType(NotificationChannelEnum, { name: 'NotificationChannel' });
registerEnumType(NotificationLanguageEnum, { name: 'NotificationLanguage' });
registerEnumType(DeliveryChannelEnum, { name: 'DeliveryChannel' });
registerEnumType(DeliveryStatusEnum, {
  name: 'DeliveryStatus',
  description: 'PENDING (to send, again after a failure: see lastError), SENT, FAILED (gave up), DIGEST (waits for the daily digest), DIGESTED',
});
registerEnumType(DeliveryKindEnum, { name: 'DeliveryKind' });
