import { Controller, Module, type DynamicModule } from '@nestjs/common';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Gauge } from 'prom-client';
import { Metrics } from '@aftersales/platform-core';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { NETWORK_CENTER_MODEL, NETWORK_STAFF_MODEL, NetworkCenterSchema, NetworkStaffSchema } from './center.schema';
import { NETWORK_CENTERS_OPTIONS, NetworkCenters, type NetworkCentersOptions } from './network-centers';

/** Keeps the service's read model of the network's centers (every service that scopes by center). */
@Controller()
class NetworkCentersConsumer {
  constructor(private readonly centers: NetworkCenters) {}

  @OnEvent('ServiceCenterUpserted.v1')
  center(event: EventOf<'ServiceCenterUpserted.v1'>) {
    return this.centers.applyCenter(event);
  }
}

/**
 * Only in a service that keeps staff: the others leave staff events unhandled, and the consumer
 * acknowledges them unread, which is most of what the network publishes (8 staff per center).
 */
@Controller()
class NetworkStaffConsumer {
  constructor(private readonly centers: NetworkCenters) {}

  @OnEvent('StaffUpserted.v1')
  staff(event: EventOf<'StaffUpserted.v1'>) {
    return this.centers.applyStaff(event);
  }
}

/**
 * `network_centers_known` on /metrics: how many centers this service has heard of. `npm start` waits
 * until every service knows every center before it seeds them, and an operator sees a lagging
 * read model at a glance.
 */
function centersKnownGauge(metrics: Metrics | undefined, centers: Model<unknown>): Gauge | null {
  if (!metrics) return null;
  return new Gauge({
    name: 'network_centers_known',
    help: 'Service centers in this service\'s read model of the network',
    registers: [metrics.registry],
    async collect() {
      this.set(await centers.estimatedDocumentCount());
    },
  });
}

/**
 * The network's centers as a service's own read model: `NetworkCentersModule.forRoot({ staff })` in
 * the app's module, `NetworkCenters` injected where centers are read. Needs the app's
 * MongooseModule.forRoot and KafkaModule (its event transport).
 */
@Module({})
export class NetworkCentersModule {
  static forRoot(options: NetworkCentersOptions = {}): DynamicModule {
    const keepsStaff = (options.staff ?? 'none') !== 'none';
    return {
      module: NetworkCentersModule,
      global: true,
      imports: [
        MongooseModule.forFeature([
          { name: NETWORK_CENTER_MODEL, schema: NetworkCenterSchema },
          ...(keepsStaff ? [{ name: NETWORK_STAFF_MODEL, schema: NetworkStaffSchema }] : []),
        ]),
      ],
      providers: [
        { provide: NETWORK_CENTERS_OPTIONS, useValue: options },
        NetworkCenters,
        { provide: 'NETWORK_CENTERS_GAUGE', inject: [{ token: Metrics, optional: true }, getModelToken(NETWORK_CENTER_MODEL)], useFactory: centersKnownGauge },
      ],
      controllers: [NetworkCentersConsumer, ...(keepsStaff ? [NetworkStaffConsumer] : [])],
      exports: [NetworkCenters],
    };
  }
}
