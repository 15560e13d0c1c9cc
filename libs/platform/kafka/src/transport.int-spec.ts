import 'reflect-metadata';
import { Catch, Controller, Injectable, Module } from '@nestjs/common';
import type { ArgumentsHost, CallHandler, ExceptionFilter, ExecutionContext, NestInterceptor, OnModuleInit, PipeTransform } from '@nestjs/common';
import { UseFilters, UseInterceptors } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import type { Model } from 'mongoose';
import { EMPTY, tap } from 'rxjs';
import type { INestApplication } from '@nestjs/common';
import { createEvent, dlqTopicOf, sampleStaff, Topics } from '@aftersales/contracts';
import type { EventOf } from '@aftersales/contracts';
import { createLogger, createServiceApp, GraphqlExceptionFilter, Metrics } from '@aftersales/platform-core';
import type { KafkaHealthCheck } from './admin';
import { DlqHeaders, EventConsumer } from './consumer';
import { KAFKA_HEALTH, KafkaModule } from './kafka.module';
import { noopLogger } from './logger';
import { outboxFields, outboxPlugin } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { EventPublisher } from './publisher';
import { header, intEnv, testKafka, TopicReader, uniqueSuffix, waitFor } from './testing/int-env';
import { KafkaEventContext, KafkaEventTransport, OnEvent } from './transport';

const suffix = uniqueSuffix('transport');
const prefix = `t.${suffix}.`;
const topic = `${prefix}${Topics.network}`;
const dlq = dlqTopicOf(topic);
const groupId = `g-${suffix}`;
const ATTEMPTS = 3;

/** What the handlers saw, by event id. */
const seen = new Map<string, { names: string[]; attempts: number[]; topic?: string; intercepted: number }>();
const entry = (id: string) => seen.get(id) ?? (seen.set(id, { names: [], attempts: [], intercepted: 0 }), seen.get(id)!);

/** Errors a handler may meet that the business treats as "nothing to do": the filter acknowledges them. */
class AlreadyRetired extends Error {}

@Catch(AlreadyRetired)
class AcknowledgeRetired implements ExceptionFilter {
  static caught: string[] = [];
  catch(_error: AlreadyRetired, host: ArgumentsHost) {
    AcknowledgeRetired.caught.push(host.getType());
    return EMPTY;
  }
}

@Injectable()
class CountDeliveries implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const event = context.switchToRpc().getData<EventOf<'StaffUpserted.v1'>>();
    return next.handle().pipe(tap({ complete: () => entry(event.id).intercepted++ }));
  }
}

/** A pipe on the payload: handlers see the name trimmed and upper-cased. */
class ShoutName implements PipeTransform<EventOf<'StaffUpserted.v1'>> {
  transform(event: EventOf<'StaffUpserted.v1'>) {
    return { ...event, payload: { ...event.payload, name: event.payload.name.trim().toUpperCase() } };
  }
}

@Controller()
@UseInterceptors(CountDeliveries)
class StaffEvents {
  @OnEvent('StaffUpserted.v1')
  @UseFilters(AcknowledgeRetired)
  async staff(@Payload(ShoutName) event: EventOf<'StaffUpserted.v1'>, @Ctx() ctx: KafkaEventContext): Promise<void> {
    const e = entry(event.id);
    e.names.push(event.payload.name);
    e.attempts.push(ctx.getAttempt());
    e.topic = ctx.getTopic();
    const [mode, arg] = event.payload.name.split(':');
    if (mode === 'FLAKY' && ctx.getAttempt() <= Number(arg)) throw new Error(`flaky failure ${ctx.getAttempt()}`);
    if (mode === 'BROKEN') throw new Error('handler always fails');
    if (mode === 'RETIRED') throw new AlreadyRetired('staff already retired');
  }
}

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
    readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.relay.register(this.staff);
  }

  async create(id: string, name: string): Promise<string> {
    const event = createEvent('StaffUpserted.v1', sampleStaff({ id, name }), { source: 'network' });
    await this.staff.create({ _id: id, name, ...outboxFields([event]) });
    this.relay.kick();
    return event.id;
  }
}

describe('KafkaEventTransport: @OnEvent handlers of a hybrid Nest app (real MongoDB-wire store + Kafka)', () => {
  let app: INestApplication;
  let publisher: EventPublisher;
  let dlqReader: TopicReader;
  const logger = createLogger('transport-test', 'silent');

  const staffEvent = (name: string) => createEvent('StaffUpserted.v1', sampleStaff({ name }), { source: 'network' });

  beforeAll(async () => {
    const env = intEnv();

    @Module({ imports: [MongooseModule.forFeature([{ name: 'Staff', schema: StaffSchema, collection: 'staff' }])], providers: [StaffService], controllers: [StaffEvents] })
    class StaffModule {}

    @Module({
      imports: [
        MongooseModule.forRoot(env.mongoUrl, { dbName: `kafkalib_${suffix}` }),
        KafkaModule.forRoot({
          clientId: `transport-${suffix}`,
          brokers: env.brokers,
          service: 'network',
          groupId,
          topicPrefix: prefix,
          fromBeginning: true,
          numPartitions: 1,
          retry: { attempts: ATTEMPTS, baseMs: 20, capMs: 100 },
          parking: { retries: 1, baseMs: 50, capMs: 50, pollMs: 50 },
          consumerConfig: { maxWaitTimeInMs: 100 },
          outbox: { pollIntervalMs: 100 },
          logger: noopLogger,
        }),
        StaffModule,
      ],
      // What every service has: the platform's single exception filter, global, inherited by the transport.
      providers: [{ provide: Metrics, useValue: new Metrics('transport-test') }, { provide: APP_FILTER, useFactory: () => new GraphqlExceptionFilter(logger) }],
    })
    class AppModule {}

    app = await createServiceApp(AppModule, logger);
    publisher = app.get(EventPublisher);
    dlqReader = await new TopicReader(testKafka(env.brokers, `reader-${suffix}`), [dlq]).start();
    await app.get(EventConsumer).waitForJoin();
  });

  afterAll(async () => {
    await dlqReader?.stop();
    if (app) {
      await app.get(StaffService).staff.db.dropDatabase().catch(() => undefined);
      await app.close();
    }
  });

  it('delivers an event written with the outbox to the @OnEvent handler, through its pipe, interceptor and context', async () => {
    expect(app.get(EventConsumer).topics).toEqual([topic]);
    const health = app.get<KafkaHealthCheck>(KAFKA_HEALTH);
    await expect(health()).resolves.toBeUndefined();

    const id = await app.get(StaffService).create('st-nest', '  via nest ');
    const handled = await waitFor(() => (seen.get(id)?.intercepted ? seen.get(id) : null), { what: 'event handled' });
    expect(handled).toMatchObject({ names: ['VIA NEST'], attempts: [1], topic, intercepted: 1 });
  });

  it('handles a redelivered event id once', async () => {
    const event = staffEvent('dup');
    await publisher.publish(Topics.network, event);
    await publisher.publish(Topics.network, event);
    const marker = staffEvent('after-dup');
    await publisher.publish(Topics.network, marker);
    await waitFor(() => seen.get(marker.id)?.intercepted, { what: 'marker handled' });
    expect(seen.get(event.id)?.names).toEqual(['DUP']);
  });

  it('retries a failing handler with backoff until it succeeds', async () => {
    const event = staffEvent('flaky:2');
    await publisher.publish(Topics.network, event);
    await waitFor(() => seen.get(event.id)?.intercepted, { what: 'flaky event handled' });
    expect(seen.get(event.id)?.attempts).toEqual([1, 2, 3]);
    expect(dlqReader.on(dlq).some((m) => JSON.parse(m.message.value!.toString()).id === event.id)).toBe(false);
  });

  it('dead-letters after the in-place attempts and the delayed retries with the handler\'s own error in the headers, and goes on', async () => {
    const event = staffEvent('broken');
    await publisher.publish(Topics.network, event);
    const next = staffEvent('after-broken');
    await publisher.publish(Topics.network, next);
    const dead = await waitFor(() => dlqReader.on(dlq).find((m) => JSON.parse(m.message.value!.toString()).id === event.id), { what: 'dead letter' });
    expect(header(dead, DlqHeaders.reason)).toBe('handler-failed');
    // The global GraphQL filter does not turn it into "Internal server error".
    expect(header(dead, DlqHeaders.error)).toBe('handler always fails');
    // The in-place attempts, then one delayed retry from the service's store (KafkaModule wires the Mongo lanes).
    expect(header(dead, DlqHeaders.attempts)).toBe(String(ATTEMPTS + 1));
    expect(header(dead, DlqHeaders.groupId)).toBe(groupId);
    expect(JSON.parse(dead.message.value!.toString())).toEqual(event);
    await waitFor(() => seen.get(next.id)?.intercepted, { what: 'the event after the dead letter' });
  });

  it('lets a handler\'s exception filter acknowledge an error it knows, without retry or dead letter', async () => {
    const before = AcknowledgeRetired.caught.length;
    const event = staffEvent('retired');
    await publisher.publish(Topics.network, event);
    const marker = staffEvent('after-retired');
    await publisher.publish(Topics.network, marker);
    await waitFor(() => seen.get(marker.id)?.intercepted, { what: 'marker handled' });
    expect(seen.get(event.id)?.attempts).toEqual([1]);
    expect(AcknowledgeRetired.caught.slice(before)).toEqual(['rpc']);
    expect(dlqReader.on(dlq).some((m) => JSON.parse(m.message.value!.toString()).id === event.id)).toBe(false);
  });

  it('stops consuming, then the relay, on close', async () => {
    const consumer = app.get(EventConsumer);
    const relay = app.get(OutboxRelay);
    expect(app.get(KafkaEventTransport).unwrap()).toBe(consumer);
    await app.get(StaffService).staff.db.dropDatabase();
    await app.close();
    expect(consumer.isRunning).toBe(false);
    expect(relay.isRunning).toBe(false);
    app = undefined as unknown as INestApplication;
  });
});
