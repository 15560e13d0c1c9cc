import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Gauge } from 'prom-client';
import { Metrics } from '@aftersales/platform-core';
import { EventConsumer } from '@aftersales/platform-kafka';
import { NETWORK_CENTER_MODEL, NETWORK_STAFF_MODEL, NetworkCenterSchema, NetworkStaffSchema } from './center.schema';
import { NETWORK_CENTERS_OPTIONS, NetworkCenters, type NetworkCentersOptions } from './network-centers';

/** Subscribes the service's consumer group to the network's center (and staff) events. */
class NetworkCentersConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly centers: NetworkCenters,
    private readonly keepsStaff: boolean,
  ) {}

  onModuleInit(): void {
    this.consumer.on('ServiceCenterUpserted.v1', async (event) => {
      await this.centers.applyCenter(event);
    });
    // A service that keeps no staff does not handle their events: the consumer acknowledges them
    // unread, which is most of what the network publishes (8 staff per center).
    if (!this.keepsStaff) return;
    this.consumer.on('StaffUpserted.v1', async (event) => {
      await this.centers.applyStaff(event);
    });
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
 * MongooseModule.forRoot and KafkaModule (its EventConsumer).
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
        { provide: NetworkCentersConsumer, inject: [EventConsumer, NetworkCenters], useFactory: (c: EventConsumer, n: NetworkCenters) => new NetworkCentersConsumer(c, n, keepsStaff) },
        { provide: 'NETWORK_CENTERS_GAUGE', inject: [{ token: Metrics, optional: true }, getModelToken(NETWORK_CENTER_MODEL)], useFactory: centersKnownGauge },
      ],
      exports: [NetworkCenters],
    };
  }
}
