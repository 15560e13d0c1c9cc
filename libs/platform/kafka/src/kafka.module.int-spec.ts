import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import type { Model } from 'mongoose';
import { createEvent, sampleStaff } from '@aftersales/contracts';
import type { EventOf } from '@aftersales/contracts';
import { EventConsumer } from './consumer';
import { KAFKA_HEALTH, KafkaModule } from './kafka.module';
import type { KafkaHealthCheck } from './admin';
import { noopLogger } from './logger';
import { outboxFields, outboxPlugin } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { EventPublisher } from './publisher';
import { intEnv, uniqueSuffix, waitFor } from './testing/int-env';

const suffix = uniqueSuffix('module');
const received: EventOf<'StaffUpserted.v1'>[] = [];

interface StaffDoc {
  _id: string;
  name: string;
}
const StaffSchema = new mongoose.Schema<StaffDoc>({ _id: String, name: String });
StaffSchema.plugin(outboxPlugin);

@Injectable()
class StaffService implements OnModuleInit {
  constructor(
    @InjectModel('Staff') readonly staff: Model<StaffDoc>,
    private readonly consumer: EventConsumer,
    readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.consumer.on('StaffUpserted.v1', async (event) => {
      received.push(event);
    });
  }

  async create(id: string, name: string): Promise<void> {
    const event = createEvent('StaffUpserted.v1', sampleStaff({ id, name }), { source: 'network' });
    await this.staff.create({ _id: id, name, ...outboxFields([event]) });
    this.relay.kick();
  }
}

describe('KafkaModule (Nest, real MongoDB-wire store + Kafka)', () => {
  it('wires publisher, outbox relay, consumer and health; round-trips an event; shuts down', async () => {
    const env = intEnv();

    @Module({ imports: [MongooseModule.forFeature([{ name: 'Staff', schema: StaffSchema, collection: 'staff' }])], providers: [StaffService] })
    class StaffModule {}

    @Module({
      imports: [
        MongooseModule.forRoot(env.mongoUrl, { dbName: `kafkalib_${suffix}` }),
        KafkaModule.forRoot({
          clientId: `module-${suffix}`,
          brokers: env.brokers,
          service: 'network',
          groupId: `g-${suffix}`,
          topicPrefix: `t.${suffix}.`,
          fromBeginning: true,
          numPartitions: 1,
          consumerConfig: { maxWaitTimeInMs: 100 },
          outbox: { models: ['Staff'], pollIntervalMs: 100 },
          logger: noopLogger,
        }),
        StaffModule,
      ],
    })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
      await app.init();
      expect(app.get(EventPublisher)).toBeInstanceOf(EventPublisher);
      const health = app.get<KafkaHealthCheck>(KAFKA_HEALTH);
      await expect(health()).resolves.toBeUndefined();
      const consumer = app.get(EventConsumer);
      expect(consumer.topics).toEqual([`t.${suffix}.aftersales.network.events`]);
      await consumer.waitForJoin();

      const service = app.get(StaffService);
      await service.create('st-nest', 'Via Nest');
      await waitFor(() => received.find((e) => e.payload.id === 'st-nest'), { what: 'event consumed' });
      // The relay clears the outbox after publishing, so the consumer may see the event first.
      const doc = await waitFor(async () => {
        const d = await service.staff.collection.findOne({ _id: 'st-nest' as never });
        return d?.outboxPending === false ? d : null;
      }, { what: 'outbox cleared' });
      expect(doc).toMatchObject({ outboxPending: false, outbox: [] });
      await service.staff.db.dropDatabase();
    } finally {
      await app.close();
    }
    expect(app.get(EventConsumer).isRunning).toBe(false);
    expect(app.get(OutboxRelay).isRunning).toBe(false);
  });
});
