import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { MongoModule, PlatformModule, subgraphGraphQLModule } from '@aftersales/platform-core';
import { AuthModule } from '@aftersales/platform-auth';
import { KafkaModule } from '@aftersales/platform-kafka';
import { Topics } from '@aftersales/contracts';
import { KEY_ROLES } from '@aftersales/domain-complaints';
import { NetworkCentersModule } from '@aftersales/platform-centers';
import { NetworkPoliciesModule } from '@aftersales/platform-policies';
import type { ComplaintsConfig } from './config';
import { ComplaintsModule } from './complaints.module';

export const SERVICE = 'complaints';

@Module({})
export class AppModule {
  static forRoot(config: ComplaintsConfig, logger: Logger): DynamicModule {
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
          brokers: config.kafkaBrokers,
          logger,
          groupId: config.COMPLAINTS_CONSUMER_GROUP ?? SERVICE,
          fromBeginning: config.COMPLAINTS_CONSUMER_FROM_BEGINNING,
          topics: [Topics.network, Topics.calls, Topics['job-orders'], Topics.surveys, Topics.workshop],
        }),
        // Routing needs the key people as the staff events correct them, not only the center's snapshot.
        NetworkCentersModule.forRoot({ staff: { roles: KEY_ROLES } }),
        // Each complaint's deadlines come from the policy version in force at its distributor.
        NetworkPoliciesModule.forRoot(),
        subgraphGraphQLModule({ production: config.production }),
        ComplaintsModule,
      ],
    };
  }
}
