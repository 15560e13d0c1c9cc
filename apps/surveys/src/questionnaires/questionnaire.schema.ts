import { Schema } from 'mongoose';
import type { Questionnaire } from '@aftersales/domain-surveys';

export const QUESTIONNAIRE_MODEL = 'Questionnaire';
export const QUESTIONNAIRE_HEAD_MODEL = 'QuestionnaireHead';

/** One immutable published version; `_id` is `<id>@<version>` so publishing a version twice is a duplicate key. */
export interface QuestionnaireDoc {
  _id: string;
  questionnaire: Questionnaire;
  publishedAt: Date;
}

/** Which version of a questionnaire new invitations use. */
export interface QuestionnaireHeadDoc {
  _id: string;
  version: number;
}

export const QuestionnaireSchema = new Schema<QuestionnaireDoc>(
  { _id: { type: String, required: true }, questionnaire: { type: Schema.Types.Mixed, required: true }, publishedAt: Date },
  { versionKey: false, collection: 'questionnaires', minimize: false },
);

export const QuestionnaireHeadSchema = new Schema<QuestionnaireHeadDoc>(
  { _id: { type: String, required: true }, version: { type: Number, required: true } },
  { versionKey: false, collection: 'questionnaire_heads' },
);

export const versionKey = (id: string, version: number) => `${id}@${version}`;
