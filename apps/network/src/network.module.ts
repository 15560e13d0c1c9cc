import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { POLICY_VERSION_MODEL, PolicyVersionSchema } from './policies/policy.schema';
import { PoliciesRepository } from './policies/policies.repository';
import { PoliciesResolver } from './policies/policies.resolver';
import { PoliciesService } from './policies/policies.service';
import { REGION_MODEL, RegionSchema } from './regions/region.schema';
import { RegionsRepository } from './regions/regions.repository';
import { RegionsResolver } from './regions/regions.resolver';
import { RegionsService } from './regions/regions.service';
import { NetworkImportService } from './service-centers/network-import.service';
import { SERVICE_CENTER_MODEL, ServiceCenterSchema } from './service-centers/service-center.schema';
import { ServiceCentersRepository } from './service-centers/service-centers.repository';
import { ServiceCenterConnectionResolver, ServiceCentersResolver } from './service-centers/service-centers.resolver';
import { ServiceCentersService } from './service-centers/service-centers.service';
import { StaffResolver } from './staff/staff.resolver';
import { StaffService } from './staff/staff.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: SERVICE_CENTER_MODEL, schema: ServiceCenterSchema },
      { name: REGION_MODEL, schema: RegionSchema },
      { name: POLICY_VERSION_MODEL, schema: PolicyVersionSchema },
    ]),
  ],
  providers: [
    ServiceCentersRepository,
    ServiceCentersService,
    ServiceCentersResolver,
    ServiceCenterConnectionResolver,
    NetworkImportService,
    RegionsRepository,
    RegionsService,
    RegionsResolver,
    StaffService,
    StaffResolver,
    PoliciesRepository,
    PoliciesService,
    PoliciesResolver,
  ],
})
export class NetworkModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly centers: ServiceCentersRepository,
    private readonly policies: PoliciesRepository,
  ) {}

  onModuleInit() {
    this.relay.register(this.centers.outboxModel);
    this.relay.register(this.policies.outboxModel);
  }
}
