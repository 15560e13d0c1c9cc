import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsEmail, IsIn, IsISO8601, IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import { StaffRoles } from './enums';
import type { StaffRole } from './enums';

export class QualificationV1 {
  @IsIn(StaffRoles)
  role!: StaffRole;

  /** ISO-8601 date or timestamp. */
  @IsISO8601({ strict: true })
  certifiedAt!: string;

  /** ISO-8601 date or timestamp. */
  @IsISO8601({ strict: true })
  expiresAt!: string;
}

/** Snapshot of a staff member of a service center, published by the network service on every change. */
export class StaffUpsertedV1 {
  @IsString()
  @IsNotEmpty()
  id!: string;

  @IsString()
  @IsNotEmpty()
  serviceCenterId!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  @IsEmail()
  email!: string;

  @IsIn(StaffRoles)
  role!: StaffRole;

  @IsBoolean()
  active!: boolean;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QualificationV1)
  qualifications!: QualificationV1[];
}
