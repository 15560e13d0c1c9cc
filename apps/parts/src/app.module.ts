import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { MongoModule, PlatformModule, subgraphGraphQLModule } from '@aftersales/platform-core';
import { AuthModule } from '@aftersales/platform-auth';
import { KafkaModule } from '@aftersales/platform-kafka';
import { NetworkCentersModule } from '@aftersales/platform-centers';
import type { PartsConfig } from './config';
import { PartsModule } from './parts.module';

export const SERVICE = 'parts';

@Module({})
export class AppModule {
  static forRoot(config: PartsConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE, config, logger }),
        AuthModule.forRoot(config.jwt),
        MongoModule.forRoot({ url: config.MONGO_URL, dbName: config.MONGO_DB ?? SERVICE }),
        // fromBeginning: a new deployment must learn every center the network ever published.
        KafkaModule.forRoot({
          service: SERVICE,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          clientId: SERVICE,
          brokers: config.kafkaBrokers,
          logger,
          groupId: config.PARTS_KAFKA_GROUP ?? SERVICE,
          fromBeginning: !config.PARTS_KAFKA_GROUP,
        }),
        NetworkCentersModule.forRoot({ staff: 'none' }),
        subgraphGraphQLModule({ production: config.production }),
        PartsModule,
      ],
    };
  }
}
