import { InputType } from '@nestjs/graphql';
import { importJobTypes, registerImportEnums, UploadFields } from '@aftersales/platform-imports';

registerImportEnums('PartsCatalogImport');
export const { Job: PartsCatalogImportJob } = importJobTypes('PartsCatalogImport');

@InputType()
export class ImportPartsCatalogInput extends UploadFields {}
