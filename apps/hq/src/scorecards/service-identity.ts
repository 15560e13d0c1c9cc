import { Injectable } from '@nestjs/common';
import { Clock } from '@aftersales/platform-core';
import { mintDevToken } from '@aftersales/platform-auth';
import { HqConfig } from '../config';

/** The subject hq's own reads carry, so the subgraphs' logs tell them from a person's. */
export const HQ_SUBJECT = 'svc-hq';
const LIFETIME_S = 600;
/** A token is replaced this long before it expires, so a computation that starts with it finishes with it. */
const RENEW_BEFORE_MS = 120_000;

/**
 * hq's own identity, used for one thing only: the whole network's figures behind the benchmark every
 * scorecard carries (aggregates, never rows; see ScorecardService). An HQ_ANALYST token signed with the
 * system's JWT_SECRET like every token the gateway verifies, short-lived and cached until shortly before
 * it expires.
 */
@Injectable()
export class ServiceIdentity {
  private token?: { authorization: Promise<string>; renewAt: number };

  constructor(
    private readonly config: HqConfig,
    private readonly clock: Clock,
  ) {}

  authorization(): Promise<string> {
    const now = this.clock.now().getTime();
    if (!this.token || now >= this.token.renewAt) {
      const authorization = mintDevToken(
        { roles: ['HQ_ANALYST'], subject: HQ_SUBJECT, expiresIn: `${LIFETIME_S}s` },
        this.config.jwt,
      ).then((t) => `Bearer ${t}`);
      this.token = { authorization, renewAt: now + LIFETIME_S * 1000 - RENEW_BEFORE_MS };
      authorization.catch(() => (this.token = undefined));
    }
    return this.token.authorization;
  }
}
