import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { MongoModule, PlatformModule, subgraphGraphQLModule } from '@aftersales/platform-core';
import { AuthModule } from '@aftersales/platform-auth';
import { KafkaModule } from '@aftersales/platform-kafka';
import type { NetworkConfig } from './config';
import { NetworkModule } from './network.module';

export const SERVICE = 'network';

@Module({})
export class AppModule {
  static forRoot(config: NetworkConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE, config, logger }),
        AuthModule.forRoot(config.jwt),
        MongoModule.forRoot({ url: config.MONGO_URL, dbName: config.MONGO_DB ?? SERVICE }),
        KafkaModule.forRoot({ service: SERVICE, clientId: SERVICE, brokers: config.kafkaBrokers, topicPrefix: config.KAFKA_TOPIC_PREFIX, logger }),
        subgraphGraphQLModule({ production: config.production }),
        NetworkModule,
      ],
    };
  }
}
