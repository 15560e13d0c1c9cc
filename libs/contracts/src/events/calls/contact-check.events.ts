import 'reflect-metadata';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';

/**
 * The 0.5 h rule fired: the shop had not contacted the customer 30 minutes after the call center asked
 * it to, so the call center escalated to the service department. Published once per job order; the
 * call center does not follow the same problem up again.
 */
export class CustomerContactEscalatedV1 {
  @IsString() @IsNotEmpty() taskId!: string;
  @IsString() @IsNotEmpty() jobOrderId!: string;
  /** The shop that did not call. */
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  /** When the call center asked the shop to contact the customer. */
  @IsUtcTimestamp() askedAt!: string;
  @IsUtcTimestamp() dueAt!: string;
  @IsUtcTimestamp() escalatedAt!: string;
}
