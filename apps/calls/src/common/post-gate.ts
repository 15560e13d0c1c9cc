import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@aftersales/platform-core';
import { hasRole, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters } from '@aftersales/platform-centers';

export type CallCenterPost = 'INBOUND_AGENT' | 'OUTBOUND_AGENT' | 'QC_AGENT' | 'MANAGEMENT_AGENT';

/** The network staff posts this service keeps: the four of seed 002 and the single agent post before them. */
export const CALL_CENTER_STAFF: readonly string[] = ['INBOUND_AGENT', 'OUTBOUND_AGENT', 'QC_AGENT', 'MANAGEMENT_AGENT', 'CALL_CENTER_AGENT'];

/**
 * The call center's qualification gate: the caller's token names the staff member (`sub`), and
 * that member must hold a running certification for the post the work belongs to, else CONFLICT
 * naming them, the qualification and its expiry. HQ's administrator is no call-center post and
 * passes. The check is the network read model's, shared by every service.
 */
@Injectable()
export class PostGate {
  constructor(
    private readonly centers: NetworkCenters,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Any of `posts` will do; when the token carries some of them, those are the ones checked (and named). */
  async caller(principal: Principal, posts: readonly CallCenterPost[]): Promise<void> {
    if (hasRole(principal, 'HQ_ADMIN')) return;
    const carried = posts.filter((p) => principal.roles.includes(p));
    await this.centers.requireQualified(carried.length ? carried : posts, [{ field: 'caller', staffId: principal.subject }], this.clock.now());
  }

  /** Someone the caller names for the work (the agent a task is assigned to). */
  async named(field: string, staffId: string, posts: readonly CallCenterPost[]): Promise<void> {
    await this.centers.requireQualified(posts, [{ field, staffId }], this.clock.now());
  }
}
