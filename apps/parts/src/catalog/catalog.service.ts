import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Clock, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { genuineCode, genuineVerdict, isWellFormedGenuineCode, supersessionChain } from '@aftersales/domain-parts';
import { PartsLocations } from '../locations/parts-locations';
import type { GenuineCheck, GenuineVerdict, PartInput } from './catalog.model';
import { GENUINE_CODE_MODEL, PART_MODEL, type GenuineCodeDoc, type PartDoc } from './catalog.schema';

export type { PartDoc } from './catalog.schema';

/** The catalog is keyed by part number; every read is an `_id` lookup. */
@Injectable()
export class CatalogService {
  constructor(
    @InjectModel(PART_MODEL) private readonly parts: Model<PartDoc>,
    @InjectModel(GENUINE_CODE_MODEL) private readonly codes: Model<GenuineCodeDoc>,
    private readonly locations: PartsLocations,
    private readonly clock: Clock,
  ) {}

  async get(partNumber: string): Promise<PartDoc | null> {
    return this.parts.findById(partNumber).lean<PartDoc>().exec();
  }

  async require(partNumber: string, field = 'partNumber'): Promise<PartDoc> {
    const doc = await this.get(partNumber);
    if (!doc) throw new ValidationFailedError([{ field, rule: 'exists', message: `part ${partNumber} is not in the catalog` }]);
    return doc;
  }

  async byIds(partNumbers: readonly string[]): Promise<Map<string, PartDoc>> {
    if (!partNumbers.length) return new Map();
    const docs = await this.parts
      .find({ _id: { $in: [...new Set(partNumbers)] } })
      .lean<PartDoc[]>()
      .exec();
    return new Map(docs.map((d) => [d._id, d]));
  }

  async upsert(input: PartInput): Promise<PartDoc> {
    const langs = input.names.map((n) => n.lang);
    if (new Set(langs).size !== langs.length) {
      throw new ValidationFailedError([{ field: 'names', rule: 'uniqueLanguages', message: 'each language may appear once' }]);
    }
    if (input.supersededBy) {
      if (input.supersededBy === input.partNumber) {
        throw new ValidationFailedError([{ field: 'supersededBy', rule: 'notSelf', message: 'a part cannot supersede itself' }]);
      }
      const chainTargets = new Map<string, string | null>();
      let cursor: string | null = input.supersededBy;
      while (cursor && !chainTargets.has(cursor) && cursor !== input.partNumber) {
        const doc: PartDoc | null = await this.get(cursor);
        if (!doc) throw new ValidationFailedError([{ field: 'supersededBy', rule: 'exists', message: `part ${cursor} is not in the catalog` }]);
        chainTargets.set(cursor, doc.supersededBy);
        cursor = doc.supersededBy;
      }
      try {
        supersessionChain(input.partNumber, (pn) => (pn === input.partNumber ? input.supersededBy : chainTargets.get(pn)));
      } catch (err) {
        throw new ValidationFailedError([{ field: 'supersededBy', rule: 'cycle', message: (err as Error).message }]);
      }
    }
    const doc: PartDoc = {
      _id: input.partNumber,
      names: input.names.map((n) => ({ lang: n.lang, text: n.text })),
      supersededBy: input.supersededBy ?? null,
      listPrice: input.listPrice,
      unit: input.unit,
      leadTimeDays: input.leadTimeDays,
      updatedAt: this.clock.now(),
    };
    await this.parts.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec();
    return doc;
  }

  /** The part to supply today for an old part number (end of its supersession chain). */
  async current(partNumber: string): Promise<string> {
    const seen = new Map<string, string | null>();
    let cursor: string | null = partNumber;
    while (cursor && !seen.has(cursor)) {
      const doc: PartDoc | null = await this.get(cursor);
      seen.set(cursor, doc?.supersededBy ?? null);
      cursor = doc?.supersededBy ?? null;
    }
    return supersessionChain(partNumber, (pn) => seen.get(pn)).at(-1) ?? partNumber;
  }

  /**
   * The part to supply today for each of several part numbers, following the chains one `$in` per
   * level; a number not in the catalog maps to itself (the caller reports it as unknown).
   */
  async currentOf(partNumbers: readonly string[]): Promise<Map<string, string>> {
    const next = new Map<string, string | null>();
    let wanted = [...new Set(partNumbers)];
    while (wanted.length) {
      const docs = await this.byIds(wanted);
      for (const pn of wanted) next.set(pn, docs.get(pn)?.supersededBy ?? null);
      wanted = [...new Set([...docs.values()].map((d) => d.supersededBy).filter((pn): pn is string => !!pn && !next.has(pn)))];
    }
    return new Map(partNumbers.map((pn) => [pn, supersessionChain(pn, (x) => next.get(x)).at(-1) ?? pn]));
  }

  async issueCodes(partNumber: string, count: number): Promise<string[]> {
    await this.require(partNumber);
    const issuedAt = this.clock.now();
    const codes = Array.from({ length: count }, () => genuineCode(randomBytes(12)));
    await this.codes.insertMany(
      codes.map((code) => ({ _id: code, partNumber, issuedAt, verifiedAt: null, verifiedAtLocation: null, verifiedBy: null })),
      { ordered: false },
    );
    return codes;
  }

  /** The first scan of a code marks it verified in one conditional update, so two scans can never both pass. */
  async verify(principal: Principal, code: string, partNumber: string, locationId: string): Promise<GenuineCheck> {
    await this.locations.visible(principal, locationId, 'locationId');
    const normalized = code.trim().toUpperCase();
    if (!isWellFormedGenuineCode(normalized)) return { code: normalized, verdict: 'MALFORMED' as GenuineVerdict, firstVerifiedAt: null };
    const at = this.clock.now();
    const first = await this.codes
      .findOneAndUpdate(
        { _id: normalized, partNumber, verifiedAt: null },
        { $set: { verifiedAt: at, verifiedAtLocation: locationId, verifiedBy: principal.subject } },
        { returnDocument: 'after' },
      )
      .lean<GenuineCodeDoc>()
      .exec();
    const issued = first ?? (await this.codes.findById(normalized).lean<GenuineCodeDoc>().exec());
    const firstVerifiedAt = issued && issued.partNumber === partNumber ? (issued.verifiedAt?.toISOString() ?? null) : null;
    return { code: normalized, verdict: genuineVerdict(normalized, partNumber, issued, first !== null) as GenuineVerdict, firstVerifiedAt };
  }

  toPart(doc: PartDoc) {
    return { partNumber: doc._id, names: doc.names, supersededBy: doc.supersededBy, listPrice: doc.listPrice, unit: doc.unit, leadTimeDays: doc.leadTimeDays };
  }

  async getOrThrow(partNumber: string): Promise<PartDoc> {
    const doc = await this.get(partNumber);
    if (!doc) throw new NotFoundError('Part', partNumber);
    return doc;
  }
}
