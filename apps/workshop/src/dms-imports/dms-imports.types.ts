import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { importJobTypes, registerImportEnums, UploadFields } from '@aftersales/platform-imports';

registerImportEnums('RepairOrderImport');
export const { Job: RepairOrderImportJob } = importJobTypes('RepairOrderImport');

@InputType()
export class ImportRepairOrderHistoryInput extends UploadFields {
  @Field(() => ID) @IsString() @Length(1, 100) serviceCenterId!: string;
}
