import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { MongoModule, PlatformModule, subgraphGraphQLModule } from '@aftersales/platform-core';
import { AuthModule } from '@aftersales/platform-auth';
import { KafkaModule } from '@aftersales/platform-kafka';
import { NetworkCentersModule } from '@aftersales/platform-centers';
import type { NotificationsConfig } from './config';
import { NotificationsModule } from './notifications.module';

export const SERVICE = 'notifications';

@Module({})
export class AppModule {
  static forRoot(config: NotificationsConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE, config, logger }),
        AuthModule.forRoot(config.jwt),
        MongoModule.forRoot({ url: config.MONGO_URL, dbName: config.MONGO_DB ?? SERVICE }),
        KafkaModule.forRoot({
          service: SERVICE,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          clientId: SERVICE,
          groupId: config.NOTIFICATIONS_CONSUMER_GROUP,
          fromBeginning: config.NOTIFICATIONS_CONSUMER_FROM_BEGINNING,
          brokers: config.kafkaBrokers,
          logger,
        }),
        // Recipients: every center's key contacts, time zone and country, and all its staff.
        NetworkCentersModule.forRoot({ staff: 'all' }),
        subgraphGraphQLModule({ production: config.production }),
        NotificationsModule,
      ],
    };
  }
}
