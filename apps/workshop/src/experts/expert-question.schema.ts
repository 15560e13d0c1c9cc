import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const EXPERT_QUESTION_MODEL = 'ExpertQuestion';

export type ExpertLevel = 'REGION' | 'HQ';

export interface ExpertAnswerDoc {
  text: string;
  by: string;
  level: ExpertLevel;
  at: Date;
}

export interface ExpertEscalationDoc {
  fromLevel: ExpertLevel;
  toLevel: ExpertLevel;
  automatic: boolean;
  at: Date;
  dueAt: Date;
}

/** A technical question raised on a repair order or a rescue, routed to the region's experts, then HQ's. */
export interface ExpertQuestionDoc {
  _id: string;
  subjectKind: 'REPAIR_ORDER' | 'RESCUE';
  subjectId: string;
  serviceCenterId: string;
  regionId: string;
  faultCode: string;
  question: string;
  askedBy: string;
  askedAt: Date;
  level: ExpertLevel;
  /** The current level must answer by this; null once answered. */
  levelDueAt: Date | null;
  escalations: ExpertEscalationDoc[];
  status: 'OPEN' | 'ANSWERED';
  answer: ExpertAnswerDoc | null;
  /** Words of the question and answer: the knowledge list is searched by them (see keywordsOf). */
  keywords: string[];
  policyVersion: string;
  rev: number;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

export const ExpertQuestionSchema = new Schema<ExpertQuestionDoc>(
  {
    _id: { type: String, required: true },
    subjectKind: { type: String, required: true },
    subjectId: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, required: true },
    faultCode: { type: String, required: true },
    question: { type: String, required: true },
    askedBy: { type: String, required: true },
    askedAt: { type: Date, required: true },
    level: { type: String, required: true },
    levelDueAt: { type: Date, default: null },
    escalations: { type: Schema.Types.Mixed, default: () => [] },
    status: { type: String, required: true },
    answer: { type: Schema.Types.Mixed, default: null },
    keywords: { type: [String], default: () => [] },
    policyVersion: { type: String, required: true },
    rev: { type: Number, required: true },
  },
  { collection: 'expert_questions', versionKey: false, minimize: false },
);
ExpertQuestionSchema.plugin(outboxPlugin);
// The questions of a repair order or rescue, in the graph beside it.
ExpertQuestionSchema.index({ subjectKind: 1, subjectId: 1, askedAt: 1 });
// The sweeper: open questions whose level's clock has run out.
ExpertQuestionSchema.index({ status: 1, levelDueAt: 1 });
// The knowledge list: answered questions per fault code, newest first; by words (multikey) across codes.
ExpertQuestionSchema.index({ faultCode: 1, status: 1, 'answer.at': -1 });
ExpertQuestionSchema.index({ keywords: 1, status: 1 });

/** The questions raised on one repair order or rescue. */
export function questionsOfFilter(subjectKind: ExpertQuestionDoc['subjectKind'], subjectId: string) {
  return { subjectKind, subjectId };
}

/** Open questions the region's experts left unanswered past their clock. */
export function dueQuestionsFilter(now: Date) {
  return { status: 'OPEN' as const, levelDueAt: { $lte: now }, level: 'REGION' as const };
}

/** The knowledge list: answered questions of a fault code and/or holding all the words. */
export function knowledgeFilter(faultCode: string | null, words: readonly string[]) {
  return { status: 'ANSWERED' as const, ...(faultCode ? { faultCode } : {}), ...(words.length ? { keywords: { $all: [...words] } } : {}) };
}
