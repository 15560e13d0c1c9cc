import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Clock, ConflictError, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { CSI_FACTORS, DEFAULT_QUESTIONNAIRE, validateQuestionnaire, type CsiFactor, type Questionnaire } from '@aftersales/domain-surveys';
import { isDuplicateKey } from '@aftersales/platform-core';
import type { QuestionnaireInput } from './questionnaire.model';
import {
  QUESTIONNAIRE_HEAD_MODEL,
  QUESTIONNAIRE_MODEL,
  versionKey,
  type QuestionnaireDoc,
  type QuestionnaireHeadDoc,
} from './questionnaire.schema';

/** A head is re-read after this long, so another instance's publication is picked up. */
const HEAD_CACHE_MS = 5_000;

export interface Published {
  questionnaire: Questionnaire;
  publishedAt: Date;
}

/**
 * Versioned questionnaires. Published versions never change, so they are cached for good; only the
 * head (the version new invitations get) is re-read now and then. All reads are `_id` lookups.
 */
@Injectable()
export class QuestionnairesService implements OnModuleInit {
  private readonly versions = new Map<string, Published>();
  private readonly heads = new Map<string, { version: number; at: number }>();

  constructor(
    @InjectModel(QUESTIONNAIRE_MODEL) private readonly model: Model<QuestionnaireDoc>,
    @InjectModel(QUESTIONNAIRE_HEAD_MODEL) private readonly headModel: Model<QuestionnaireHeadDoc>,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Every store starts with the default CSI questionnaire as version 1. */
  async onModuleInit(): Promise<void> {
    const q = DEFAULT_QUESTIONNAIRE;
    await this.model.create({ _id: versionKey(q.id, q.version), questionnaire: q, publishedAt: this.clock.now() }).catch(ignoreDuplicate);
    await this.headModel.create({ _id: q.id, version: q.version }).catch(ignoreDuplicate);
  }

  async current(id = DEFAULT_QUESTIONNAIRE.id): Promise<Published> {
    const head = this.heads.get(id);
    let version = head && Date.now() - head.at < HEAD_CACHE_MS ? head.version : undefined;
    if (version === undefined) {
      const doc = await this.headModel.findById(id).lean<QuestionnaireHeadDoc>().exec();
      if (!doc) throw new NotFoundError('Questionnaire', id);
      version = doc.version;
      this.heads.set(id, { version, at: Date.now() });
    }
    return this.get(id, version);
  }

  async get(id: string, version: number): Promise<Published> {
    const key = versionKey(id, version);
    const cached = this.versions.get(key);
    if (cached) return cached;
    const doc = await this.model.findById(key).lean<QuestionnaireDoc>().exec();
    if (!doc) throw new NotFoundError('Questionnaire', key);
    const published = { questionnaire: doc.questionnaire, publishedAt: doc.publishedAt };
    this.versions.set(key, published);
    return published;
  }

  async publish(input: QuestionnaireInput): Promise<Published> {
    const weights = Object.fromEntries(CSI_FACTORS.map((f) => [f, 0])) as Record<CsiFactor, number>;
    for (const w of input.factorWeights) weights[w.factor] = w.weight;
    const draft: Omit<Questionnaire, 'version'> = {
      id: input.id,
      title: { ...input.title },
      questions: input.questions.map((q) => ({
        id: q.id,
        type: q.type,
        text: { ...q.text },
        required: q.required,
        ...(q.factor ? { factor: q.factor } : {}),
        ...(q.nps ? { nps: true } : {}),
        ...(q.complaintRequest ? { complaintRequest: true } : {}),
        ...(q.options ? { options: q.options.map((o) => ({ id: o.id, label: { ...o.label } })) } : {}),
        ...(q.maxLength !== undefined && q.maxLength !== null ? { maxLength: q.maxLength } : {}),
      })),
      factorWeights: weights,
      dissatisfaction: {
        npsDetractor: input.dissatisfaction.npsDetractor,
        factorBelow: input.dissatisfaction.factorBelow ?? null,
        explicitComplaint: input.dissatisfaction.explicitComplaint,
      },
    };
    const issues = validateQuestionnaire(draft);
    const seen = new Set<string>();
    input.factorWeights.forEach((w, i) => {
      if (seen.has(w.factor)) issues.push({ field: `factorWeights.${i}.factor`, rule: 'unique', message: `${w.factor} is weighted twice` });
      seen.add(w.factor);
    });
    if (issues.length) throw new ValidationFailedError(issues);
    const head = await this.headModel.findById(input.id).lean<QuestionnaireHeadDoc>().exec();
    const questionnaire: Questionnaire = { ...draft, version: (head?.version ?? 0) + 1 };
    const publishedAt = this.clock.now();
    try {
      await this.model.create({ _id: versionKey(questionnaire.id, questionnaire.version), questionnaire, publishedAt });
    } catch (err) {
      if (isDuplicateKey(err)) throw new ConflictError(`version ${questionnaire.version} of ${questionnaire.id} was just published by someone else; publish again`);
      throw err;
    }
    await this.headModel.updateOne({ _id: questionnaire.id }, { $set: { version: questionnaire.version } }, { upsert: true }).exec();
    this.heads.set(questionnaire.id, { version: questionnaire.version, at: Date.now() });
    const published = { questionnaire, publishedAt };
    this.versions.set(versionKey(questionnaire.id, questionnaire.version), published);
    return published;
  }
}

function ignoreDuplicate(err: unknown): void {
  if (!isDuplicateKey(err)) throw err;
}
