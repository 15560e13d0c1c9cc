import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import './common/enums';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveriesResolver } from './deliveries/deliveries.resolver';
import { DELIVERY_MODEL, DeliverySchema } from './deliveries/delivery.schema';
import { EmailSender } from './deliveries/email.sender';
import { SmsGateway, TwilioProtocolSmsGateway } from './deliveries/sms.gateway';
import { Sweeper } from './deliveries/sweeper';
import { Dispatcher } from './dispatch/dispatcher';
import { EventsConsumer } from './dispatch/events.consumer';
import { Recipients } from './dispatch/recipients';
import { InboxResolver } from './inbox/inbox.resolver';
import { InboxService } from './inbox/inbox.service';
import { NOTIFICATION_MODEL, NotificationSchema } from './inbox/notification.schema';
import { NotificationsRepository } from './inbox/notifications.repository';
import { PREFERENCE_MODEL, PreferenceSchema } from './preferences/preference.schema';
import { PreferencesRepository } from './preferences/preferences.repository';
import { PreferencesResolver } from './preferences/preferences.resolver';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: NOTIFICATION_MODEL, schema: NotificationSchema },
      { name: DELIVERY_MODEL, schema: DeliverySchema },
      { name: PREFERENCE_MODEL, schema: PreferenceSchema },
    ]),
  ],
  providers: [
    NotificationsRepository,
    DeliveriesRepository,
    PreferencesRepository,
    InboxService,
    InboxResolver,
    DeliveriesResolver,
    PreferencesResolver,
    Recipients,
    Dispatcher,
    EmailSender,
    { provide: SmsGateway, useClass: TwilioProtocolSmsGateway },
    Sweeper,
  ],
  controllers: [EventsConsumer],
})
export class NotificationsModule {}
