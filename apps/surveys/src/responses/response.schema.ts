import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import type { Answer, Channel, DissatisfactionReason, ScoredResponse } from '@aftersales/domain-surveys';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const RESPONSE_MODEL = 'SurveyResponse';

/**
 * `_id` is the invitation id: inserting it is the single-use claim (a second submit is a duplicate
 * key), and the CustomerDissatisfied event rides in the same insert.
 */
export interface ResponseDoc {
  _id: string;
  serviceCenterId: string;
  regionId: string;
  country: string;
  period: string;
  questionnaireId: string;
  questionnaireVersion: number;
  language: string;
  channel: Channel;
  answeredBy: string;
  answers: Answer[];
  scored: ScoredResponse;
  reasons: DissatisfactionReason[];
  /** Free text with contact data masked (what dealers and analysts see). */
  verbatimMasked: string | null;
  answeredAt: Date;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

export const ResponseSchema = new Schema<ResponseDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: String,
    regionId: String,
    country: String,
    period: String,
    questionnaireId: String,
    questionnaireVersion: Number,
    language: String,
    channel: String,
    answeredBy: String,
    answers: Schema.Types.Mixed,
    scored: Schema.Types.Mixed,
    reasons: Schema.Types.Mixed,
    verbatimMasked: String,
    answeredAt: Date,
  },
  { versionKey: false, collection: 'responses', minimize: false },
);
ResponseSchema.plugin(outboxPlugin);
