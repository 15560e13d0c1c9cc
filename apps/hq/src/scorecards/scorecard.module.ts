import { Module } from '@nestjs/common';
import { GatewayGraphClient, GraphPort } from './graph.client';
import { ScorecardResolver } from './scorecard.resolver';
import { ScorecardService } from './scorecard.service';
import { ServiceIdentity } from './service-identity';

@Module({
  providers: [{ provide: GraphPort, useClass: GatewayGraphClient }, ServiceIdentity, ScorecardService, ScorecardResolver],
})
export class ScorecardModule {}
