import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { MongoModule, PlatformModule, subgraphGraphQLModule } from '@aftersales/platform-core';
import { AuthModule } from '@aftersales/platform-auth';
import { KafkaModule } from '@aftersales/platform-kafka';
import { NetworkCentersModule } from '@aftersales/platform-centers';
import { NetworkPoliciesModule } from '@aftersales/platform-policies';
import type { JobOrdersConfig } from './config';
import { JobOrdersModule } from './job-orders.module';
import { LeadsModule } from './leads/leads.module';

export const SERVICE = 'job-orders';

@Module({})
export class AppModule {
  static forRoot(config: JobOrdersConfig, logger: Logger): DynamicModule {
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
          groupId: config.KAFKA_GROUP_ID,
          fromBeginning: config.KAFKA_FROM_BEGINNING,
          consumerConfig: { maxBytesPerPartition: config.KAFKA_MAX_BYTES_PER_PARTITION },
          logger,
        }),
        // Time zones and calendars for the SLA clocks, regions for scoping and KPIs, the HQ center.
        NetworkCentersModule.forRoot({ staff: 'none' }),
        // Each job order's SLA targets come from the policy version in force at its center.
        NetworkPoliciesModule.forRoot(),
        subgraphGraphQLModule({ production: config.production }),
        JobOrdersModule,
        LeadsModule,
      ],
    };
  }
}
