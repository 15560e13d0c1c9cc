import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { MongoModule, PlatformModule, subgraphGraphQLModule } from '@aftersales/platform-core';
import { AuthModule } from '@aftersales/platform-auth';
import { KafkaModule } from '@aftersales/platform-kafka';
import { NetworkCentersModule } from '@aftersales/platform-centers';
import { NetworkPoliciesModule } from '@aftersales/platform-policies';
import type { SurveysConfig } from './config';
import { SurveysModule } from './surveys.module';

export const SERVICE = 'surveys';

@Module({})
export class AppModule {
  static forRoot(config: SurveysConfig, logger: Logger): DynamicModule {
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
          groupId: config.SURVEYS_CONSUMER_GROUP,
          brokers: config.kafkaBrokers,
          logger,
        }),
        // Calendars for the due dates, region and country for the KPI roll-ups and scope.
        NetworkCentersModule.forRoot({ staff: 'none' }),
        // Each invitation's delay comes from the policy version in force at its center.
        NetworkPoliciesModule.forRoot(),
        subgraphGraphQLModule({ production: config.production }),
        SurveysModule,
      ],
    };
  }
}
