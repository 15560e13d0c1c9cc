import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { MongoModule, PlatformModule, subgraphGraphQLModule } from '@aftersales/platform-core';
import { AuthModule } from '@aftersales/platform-auth';
import { KafkaModule } from '@aftersales/platform-kafka';
import { NetworkCentersModule } from '@aftersales/platform-centers';
import { NetworkPoliciesModule } from '@aftersales/platform-policies';
import { CALL_CENTER_STAFF } from './common/post-gate';
import { CallsModule } from './calls.module';
import type { CallsConfig } from './config';

export const SERVICE = 'calls';

@Module({})
export class AppModule {
  static forRoot(config: CallsConfig, logger: Logger): DynamicModule {
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
          groupId: config.CALLS_KAFKA_GROUP_ID,
          fromBeginning: config.CALLS_KAFKA_FROM_BEGINNING,
          logger,
        }),
        subgraphGraphQLModule({ production: config.production }),
        // Routing (nearest dealer, nearest 24 h outlet) and scope checks need centers; the
        // qualification gates need the call center's own staff.
        NetworkCentersModule.forRoot({ staff: { roles: CALL_CENTER_STAFF } }),
        // The 0.5 h contact check counts the target of the job order's policy version.
        NetworkPoliciesModule.forRoot(),
        CallsModule,
      ],
    };
  }
}
