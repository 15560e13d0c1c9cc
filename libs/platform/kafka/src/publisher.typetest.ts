/** Compile-time checks (type-checked by tools/typecheck, never run). */
import pino from 'pino';
import { createEvent, sampleServiceCenter, sampleStaff, Topics } from '@aftersales/contracts';
import type { Logger } from './logger';
import { EventPublisher } from './publisher';
import { EventConsumer } from './consumer';

declare const publisher: EventPublisher;
declare const consumer: EventConsumer;

const center = createEvent('ServiceCenterUpserted.v1', sampleServiceCenter(), { source: 'network' });
const staff = createEvent('StaffUpserted.v1', sampleStaff(), { source: 'network' });

void publisher.publish(Topics.network, [center, staff]);
// @ts-expect-error network events cannot be published on the complaints topic
void publisher.publish(Topics.complaints, center);
// @ts-expect-error the payload must match the event type
void publisher.publish(Topics.network, { ...staff, payload: sampleServiceCenter() });

consumer.on('StaffUpserted.v1', async (event) => {
  const role: string = event.payload.role;
  void role;
});
consumer.on('ServiceCenterUpserted.v1', async (event) => {
  // @ts-expect-error a service center payload has no role
  void event.payload.role;
});

// pino and console are valid loggers.
export const pinoLogger: Logger = pino({ enabled: false });
export const consoleAsLogger: Logger = console;
