import { Controller, Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { NetworkPolicies } from './policies';
import { NetworkPolicyVersionSchema, POLICY_VERSION_READ_MODEL } from './policy-version.schema';

/** Keeps the service's read model of the network's policy versions. */
@Controller()
class NetworkPoliciesConsumer {
  constructor(private readonly policies: NetworkPolicies) {}

  @OnEvent('PolicyVersionPublished.v1')
  version(event: EventOf<'PolicyVersionPublished.v1'>) {
    return this.policies.apply(event);
  }
}

/**
 * The network's policies as a service's own read model: `NetworkPoliciesModule.forRoot()` in the
 * app's module (after NetworkCentersModule, whose regions it reads), `NetworkPolicies` injected where
 * objects are created. Needs the app's MongooseModule.forRoot and KafkaModule on the network topic.
 */
@Module({})
export class NetworkPoliciesModule {
  static forRoot(): DynamicModule {
    return {
      module: NetworkPoliciesModule,
      global: true,
      imports: [MongooseModule.forFeature([{ name: POLICY_VERSION_READ_MODEL, schema: NetworkPolicyVersionSchema }])],
      providers: [NetworkPolicies],
      controllers: [NetworkPoliciesConsumer],
      exports: [NetworkPolicies],
    };
  }
}
