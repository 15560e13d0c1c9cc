/** Compile-time checks of @OnEvent (type-checked by tools/typecheck, never run). */
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from './transport';
import type { KafkaEventContext } from './transport';

export class TypedHandlers {
  @OnEvent('StaffUpserted.v1')
  staff(event: EventOf<'StaffUpserted.v1'>, ctx: KafkaEventContext): string {
    return `${event.payload.name} ${ctx.getTopic()}`;
  }

  // @ts-expect-error the handler reads another event's payload
  @OnEvent('StaffUpserted.v1')
  center(event: EventOf<'ServiceCenterUpserted.v1'>): string {
    return event.payload.name;
  }

  // @ts-expect-error not an event of the catalog
  @OnEvent('StaffFired.v1')
  fired(): void {}
}
