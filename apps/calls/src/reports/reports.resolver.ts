import { Args, Field, Float, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional } from 'class-validator';
import type { Granularity as GranularityT, MeetingKind as MeetingKindT } from '@aftersales/domain-calls';
import { ValidationFailedError } from '@aftersales/platform-core';
import { CALL_CENTER_ROLES, CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { ExportFormat, Granularity, MeetingKind } from '../common/enums';
import { AgentQcFigures } from '../qc/dto';
import { ReportsService } from './reports.service';

@ObjectType('CountByKey')
class CountByKey {
  @Field() key!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('CallCenterReportRow')
class ReportRowModel {
  @Field(() => Granularity) granularity!: string;
  @Field({ description: 'Local period in the call-center zone: 2026-06-06T09, 2026-06-06, 2026-W23, 2026-06' }) bucket!: string;
  @Field(() => Int) inboundTotal!: number;
  @Field(() => [CountByKey]) inboundByCategory!: CountByKey[];
  @Field(() => Int) outboundTotal!: number;
  @Field(() => [CountByKey]) outboundByKind!: CountByKey[];
  @Field(() => Int) jobOrdersRequested!: number;
  @Field(() => Int) jobOrdersCreated!: number;
  @Field(() => Int) jobOrdersClosed!: number;
  @Field(() => Int) jobOrdersReopened!: number;
  @Field(() => Float, { nullable: true, description: 'closed / created in the period' }) closeRate!: number | null;
  @Field(() => Int) leads!: number;
  @Field(() => Int) rescues!: number;
  @Field(() => Int) escalations!: number;
  @Field(() => Int) qcScored!: number;
  @Field(() => Float, { nullable: true }) qcAverageScore!: number | null;
  @Field(() => Int) qcIssues!: number;
  @Field(() => Int) qcFailed!: number;
}

@ObjectType('MeetingPack')
class MeetingPackModel {
  @Field(() => MeetingKind) kind!: string;
  @Field(() => Granularity) granularity!: string;
  @Field() bucket!: string;
  @Field() from!: Date;
  @Field() to!: Date;
  @Field(() => ReportRowModel) summary!: ReportRowModel;
  @Field(() => [ReportRowModel], { description: 'Hours of the day, or days of the week or month' }) breakdown!: ReportRowModel[];
  @Field(() => [AgentQcFigures]) qcByAgent!: AgentQcFigures[];
}

@ObjectType('ReportFile', { description: 'A download as base64, so it travels through the gateway under the same token and scope' })
class ReportFile {
  @Field() filename!: string;
  @Field() contentType!: string;
  @Field() base64!: string;
}

@InputType({ description: 'Either a meeting (kind and optional date) or a granularity with from and to' })
class ReportExportInput {
  @Field(() => ExportFormat) @IsEnum(ExportFormat) format!: 'CSV' | 'XLSX';
  @Field(() => MeetingKind, { nullable: true }) @IsOptional() @IsEnum(MeetingKind) meeting?: MeetingKindT | null;
  @Field(() => Granularity, { nullable: true }) @IsOptional() @IsEnum(Granularity) granularity?: GranularityT | null;
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

/** The call center's own operating figures: network-wide roles only. */
const READERS = ['HQ_ADMIN', 'HQ_ANALYST', ...CALL_CENTER_ROLES] as const;

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => [ReportRowModel], { description: 'Hourly, daily, weekly or monthly figures from `from` to `to`' })
  @Roles(...READERS)
  callCenterReport(
    @Args('granularity', { type: () => Granularity }) granularity: GranularityT,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ) {
    return this.reports.rows(granularity, from, to);
  }

  @Query(() => MeetingPackModel, { description: 'Morning: yesterday; weekly: this ISO week; monthly: last month' })
  @Roles(...READERS)
  meetingPack(
    @CurrentPrincipal() principal: Principal,
    @Args('kind', { type: () => MeetingKind }) kind: MeetingKindT,
    @Args('at', { nullable: true, description: 'Meeting date (default now)' }) at?: Date,
  ) {
    return this.reports.meetingPack(principal, kind, at ?? undefined);
  }

  @Query(() => ReportFile, { description: 'CSV or XLSX of a meeting pack (its breakdown and total) or of a range' })
  @Roles(...READERS)
  async reportExport(@CurrentPrincipal() principal: Principal, @Args('input') input: ReportExportInput) {
    if (input.meeting) {
      const pack = await this.reports.meetingPack(principal, input.meeting, input.from ?? undefined);
      return this.reports.export([...pack.breakdown, pack.summary], input.format, `meeting-${input.meeting.toLowerCase()}-${pack.bucket}`);
    }
    const missing = (['granularity', 'from', 'to'] as const).filter((k) => !input[k]);
    if (missing.length) {
      throw new ValidationFailedError(missing.map((field) => ({ field, rule: 'required', message: 'is required without a meeting' })));
    }
    const rows = await this.reports.rows(input.granularity!, input.from!, input.to!);
    return this.reports.export(rows, input.format, `calls-${input.granularity!.toLowerCase()}-${rows[0]?.bucket ?? 'empty'}`);
  }
}
