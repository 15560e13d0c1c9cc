import { Inject, Injectable } from '@nestjs/common';
import { bucketsBetween, Counters as CounterNames, scoreCall, type Granularity } from '@aftersales/domain-calls';
import { Clock, ConflictError, ForbiddenError, ValidationFailedError } from '@aftersales/platform-core';
import { hasRole, type Principal } from '@aftersales/platform-auth';
import type { CallDoc } from '../calls/call.schema';
import { CallsService } from '../calls/calls.service';
import { CallsConfig } from '../config';
import { Counters } from '../reports/counters';
import type { AgentQcFigures, ScoreCallInput } from './dto';
import { PostGate } from '../common/post-gate';

@Injectable()
export class QcService {
  constructor(
    private readonly calls: CallsService,
    private readonly counters: Counters,
    private readonly gate: PostGate,
    @Inject(CallsConfig) private readonly config: CallsConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** One score per call (set only while the call has none); it counts in the period of the call and for the agent who took it. */
  async score(principal: Principal, input: ScoreCallInput): Promise<CallDoc> {
    const call = await this.calls.get(principal, input.callId);
    if (call.agentId === principal.subject) throw new ForbiddenError('QC agents do not score their own calls');
    const now = this.clock.now();
    const result = scoreCall(input, call.record);
    await this.gate.caller(principal, ['QC_AGENT']);
    const qc = { ...result, scoredBy: principal.subject, scoredAt: now };
    if (!(await this.calls.setQcOnce(call._id, qc))) {
      throw new ConflictError(`Call ${call._id} is already scored`, { current: 'SCORED', allowed: [] });
    }
    const counts = {
      [CounterNames.qcScored]: 1,
      [CounterNames.qcScoreSum]: result.score,
      [CounterNames.qcIssues]: result.issues,
      [CounterNames.qcFailed]: result.passed ? 0 : 1,
    };
    await this.counters.report(call.startedAt, counts);
    await this.counters.agentQc(call.agentId, call.startedAt, counts);
    return { ...call, qc };
  }

  /** Scores per agent and period; an agent sees only its own. */
  async figures(principal: Principal, g: Granularity, from: Date, to: Date, agentId?: string): Promise<AgentQcFigures[]> {
    const supervisor = hasRole(principal, 'QC_AGENT', 'HQ_ADMIN', 'HQ_ANALYST');
    if (!supervisor && agentId && agentId !== principal.subject) throw new ForbiddenError('Agents see only their own QC scores');
    let buckets: string[];
    try {
      buckets = bucketsBetween(g, from, to, this.config.CALLS_REPORT_TIME_ZONE, 400);
    } catch (e) {
      throw new ValidationFailedError([{ field: 'to', rule: 'range', message: (e as Error).message }]);
    }
    const rows = await this.counters.agentQcBuckets(g, buckets, agentId ?? (supervisor ? undefined : principal.subject));
    return rows.flatMap(({ agentId: agent, bucket, counts: c }) => {
      const scored = c[CounterNames.qcScored] ?? 0;
      if (!scored) return [];
      return [{
        agentId: agent,
        bucket,
        scored,
        averageScore: Math.round(((c[CounterNames.qcScoreSum] ?? 0) / scored) * 10) / 10,
        issues: c[CounterNames.qcIssues] ?? 0,
        failed: c[CounterNames.qcFailed] ?? 0,
      }];
    });
  }
}
