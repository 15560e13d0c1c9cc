import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule, subgraphGraphQLModule } from '@aftersales/platform-core';
import { AuthModule } from '@aftersales/platform-auth';
import type { HqConfig } from './config';
import { ScorecardModule } from './scorecards/scorecard.module';

export const SERVICE = 'hq';

@Module({})
export class AppModule {
  static forRoot(config: HqConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE, config, logger }),
        AuthModule.forRoot(config.jwt),
        subgraphGraphQLModule({ production: config.production }),
        ScorecardModule,
      ],
    };
  }
}
