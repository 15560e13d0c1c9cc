import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { MongoModule, PlatformModule, subgraphGraphQLModule } from '@aftersales/platform-core';
import { AuthModule } from '@aftersales/platform-auth';
import { KafkaModule } from '@aftersales/platform-kafka';
import { jobOrderFeed, NetworkCentersModule, ReferencesModule } from '@aftersales/platform-centers';
import { NetworkPoliciesModule } from '@aftersales/platform-policies';
import { WorkshopConfig } from './config';
import { WorkshopModule } from './workshop.module';

export const SERVICE = 'workshop';

@Module({})
export class AppModule {
  static forRoot(config: WorkshopConfig, logger: Logger): DynamicModule {
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
          groupId: config.WORKSHOP_CONSUMER_GROUP ?? SERVICE,
          fromBeginning: config.WORKSHOP_CONSUMER_FROM_BEGINNING,
          logger,
        }),
        // Technicians, advisors and inspectors with their qualifications are checked at dispatch and QC.
        NetworkCentersModule.forRoot({ staff: 'all' }),
        // Repair orders and rescues keep the workshop numbers of the policy version they were created under.
        NetworkPoliciesModule.forRoot(),
        // Job orders a repair order may answer: which centers hold each, from job-orders' events.
        ReferencesModule.forFeature({
          entity: 'JobOrder',
          collection: 'ref_job_orders',
          feed: jobOrderFeed,
          options: { inject: [WorkshopConfig], useFactory: (c: WorkshopConfig) => ({ waitMs: c.WORKSHOP_REFERENCE_WAIT_MS }) },
        }),
        subgraphGraphQLModule({ production: config.production }),
        WorkshopModule,
      ],
    };
  }
}
