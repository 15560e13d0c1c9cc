import { Module } from '@nestjs/common';
import { GatewayGraphClient, GraphPort } from './graph.client';
import { ScorecardResolver } from './scorecard.resolver';
import { ScorecardService } from './scorecard.service';

@Module({
  providers: [{ provide: GraphPort, useClass: GatewayGraphClient }, ScorecardService, ScorecardResolver],
})
export class ScorecardModule {}
