import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { IsBase64, IsEnum, IsString, Length, MaxLength } from 'class-validator';
import type { ImportJobDoc } from './import-job';

export enum ImportContentTypeEnum {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
export enum ImportStatusEnum {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

/** Registers the enums under a subgraph-specific prefix: two subgraphs defining one value type differently would not compose. */
export function registerImportEnums(prefix: string) {
  registerEnumType(ImportContentTypeEnum, { name: `${prefix}ContentType`, description: 'How the uploaded file is encoded (checked against its bytes)' });
  registerEnumType(ImportStatusEnum, { name: `${prefix}Status` });
}

export interface ImportJobView {
  id: string;
  fileName: string;
  serviceCenterId: string | null;
  status: ImportStatusEnum;
  total: number;
  processed: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  progressPercent: number;
  failure: string | null;
  createdBy: string;
  createdAt: Date;
  finishedAt: Date | null;
  issues: { row: number; field: string; rule: string; message: string }[];
}

/** The job type and its row-issue type, named per subgraph (`RepairOrderImport`, `PartsCatalogImport`). */
export function importJobTypes(prefix: string): { Job: Type<ImportJobView>; Issue: Type<unknown> } {
  @ObjectType(`${prefix}Issue`, { description: 'A rejected row: its line in the file (the header is row 1), the column and the rule it broke' })
  class Issue {
    @Field(() => Int) row!: number;
    @Field() field!: string;
    @Field() rule!: string;
    @Field() message!: string;
  }

  @ObjectType(`${prefix}Job`, { description: 'An uploaded file being imported in the background; poll it for progress' })
  class Job implements ImportJobView {
    @Field(() => ID) id!: string;
    @Field() fileName!: string;
    @Field(() => ID, { nullable: true }) serviceCenterId!: string | null;
    @Field(() => ImportStatusEnum) status!: ImportStatusEnum;
    @Field(() => Int, { description: 'Data rows in the file' }) total!: number;
    @Field(() => Int) processed!: number;
    @Field(() => Int, { description: 'Rows written (new or changed)' }) accepted!: number;
    @Field(() => Int, { description: 'Rows refused; nothing of them was written' }) rejected!: number;
    @Field(() => Int, { description: 'Valid rows identical to what is stored (a re-import)' }) unchanged!: number;
    @Field(() => Int) progressPercent!: number;
    @Field(() => String, { nullable: true }) failure!: string | null;
    @Field() createdBy!: string;
    @Field() createdAt!: Date;
    @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
    @Field(() => [Issue], { description: 'Row issues in row order (the first 1000 are kept); page with issuesOffset/issuesLimit on the query' })
    issues!: Issue[];
  }
  return { Job, Issue };
}

export function importJobView(d: ImportJobDoc, offset = 0, limit = 100): ImportJobView {
  return {
    id: d._id,
    fileName: d.fileName,
    serviceCenterId: d.serviceCenterId,
    status: d.status as ImportStatusEnum,
    total: d.total,
    processed: d.processed,
    accepted: d.accepted,
    rejected: d.rejected,
    unchanged: d.unchanged,
    progressPercent: d.total ? Math.floor((100 * d.processed) / d.total) : 100,
    failure: d.failure,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    finishedAt: d.finishedAt,
    issues: d.issues.slice(offset, offset + limit),
  };
}

/** A 50,000-row CSV is about 6 MB, 8 MB as base64; the gateway's body limit (GATEWAY_MAX_BODY_BYTES) bounds it first. */
const MAX_BASE64 = 24 * 1024 * 1024;

/** The upload fields both imports take: the file as base64 (the gateway does not forward multipart uploads). */
@InputType({ isAbstract: true })
export abstract class UploadFields {
  @Field() @IsString() @Length(1, 200) fileName!: string;
  @Field(() => ImportContentTypeEnum) @IsEnum(ImportContentTypeEnum) contentType!: ImportContentTypeEnum;
  @Field({ description: 'The file content, base64-encoded' }) @IsBase64() @MaxLength(MAX_BASE64) contentBase64!: string;
}
