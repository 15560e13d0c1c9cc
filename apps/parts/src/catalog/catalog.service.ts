import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { genuineCode, genuineVerdict, isWellFormedGenuineCode, supersessionChain } from '@aftersales/domain-parts';
import { isDuplicateKey, LocationStore } from '../common/store';
import { LocationsRepository } from '../locations/locations.repository';
import type { GenuineCheck, GenuineVerdict, PartInput, PartUnit } from './catalog.model';

export interface PartDoc {
  _id: string;
  names: { lang: string; text: string }[];
  supersededBy: string | null;
  listPrice: number;
  unit: PartUnit;
  leadTimeDays: number;
  updatedAt: Date;
}

interface CodeDoc {
  _id: string;
  partNumber: string;
  issuedAt: Date;
}

interface VerificationDoc {
  _id: string;
  locationId: string;
  by: string;
  at: Date;
}

/** The catalog is keyed by part number; every read is an `_id` lookup. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly store: LocationStore,
    private readonly locations: LocationsRepository,
    private readonly clock: Clock,
  ) {}

  private get parts() {
    return this.store.shared<PartDoc>('parts');
  }

  async get(partNumber: string): Promise<PartDoc | null> {
    return this.parts.findOne({ _id: partNumber });
  }

  async require(partNumber: string, field = 'partNumber'): Promise<PartDoc> {
    const doc = await this.get(partNumber);
    if (!doc) throw new ValidationFailedError([{ field, rule: 'exists', message: `part ${partNumber} is not in the catalog` }]);
    return doc;
  }

  async byIds(partNumbers: readonly string[]): Promise<Map<string, PartDoc>> {
    const docs = await Promise.all([...new Set(partNumbers)].map((id) => this.get(id)));
    return new Map(docs.flatMap((d) => (d ? [[d._id, d] as const] : [])));
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
    await this.parts.replaceOne({ _id: doc._id }, doc, { upsert: true });
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

  async issueCodes(partNumber: string, count: number): Promise<string[]> {
    await this.require(partNumber);
    const issuedAt = this.clock.now();
    const codes = Array.from({ length: count }, () => genuineCode(randomBytes(12)));
    await this.store.shared<CodeDoc>('genuine_codes').insertMany(
      codes.map((code) => ({ _id: code, partNumber, issuedAt })),
      { ordered: false },
    );
    return codes;
  }

  /** The first verification of a code claims it (a unique insert), so two scans can never both pass. */
  async verify(principal: Principal, code: string, partNumber: string, locationId: string): Promise<GenuineCheck> {
    this.locations.owned(principal, locationId);
    const normalized = code.trim().toUpperCase();
    if (!isWellFormedGenuineCode(normalized)) return { code: normalized, verdict: 'MALFORMED' as GenuineVerdict, firstVerifiedAt: null };
    const issued = await this.store.shared<CodeDoc>('genuine_codes').findOne({ _id: normalized });
    let first = false;
    let firstVerifiedAt: string | null = null;
    if (issued && issued.partNumber === partNumber) {
      const verifications = this.store.shared<VerificationDoc>('genuine_verifications');
      const at = this.clock.now();
      try {
        await verifications.insertOne({ _id: normalized, locationId, by: principal.subject, at });
        first = true;
        firstVerifiedAt = at.toISOString();
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        firstVerifiedAt = (await verifications.findOne({ _id: normalized }))?.at.toISOString() ?? null;
      }
    }
    return { code: normalized, verdict: genuineVerdict(normalized, partNumber, issued, first) as GenuineVerdict, firstVerifiedAt };
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
