import type { RuleIssue } from './errors';

/** The three-level check: technician self-check, team-leader mutual check, QC inspector final check. */
export const QC_LEVELS = ['TECHNICIAN', 'TEAM_LEADER', 'QC_INSPECTOR'] as const;
export type QcLevel = (typeof QC_LEVELS)[number];

/** The network qualification a checker needs at each level. */
export const QC_LEVEL_ROLE: Record<QcLevel, string> = {
  TECHNICIAN: 'TECHNICIAN',
  TEAM_LEADER: 'TEAM_LEADER',
  QC_INSPECTOR: 'QC_INSPECTOR',
};

export interface QcCheck {
  level: QcLevel;
  passed: boolean;
  inspectorId: string;
  at: Date;
}

export type QcOutcome =
  | { kind: 'NEXT_LEVEL'; next: QcLevel }
  | { kind: 'PASSED' }
  | { kind: 'REWORK' };

/** Which level must check next in the current round (checks since the last rework). */
export function expectedLevel(round: readonly QcCheck[]): QcLevel {
  return QC_LEVELS[Math.min(round.length, QC_LEVELS.length - 1)];
}

/**
 * Validates a check against the round so far: levels in order, the self-check by the technician who
 * did the work, the other levels by someone else.
 */
export function checkIssues(round: readonly QcCheck[], check: Omit<QcCheck, 'at'>, technicianId: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const expected = expectedLevel(round);
  if (check.level !== expected) {
    issues.push({ field: 'level', rule: 'qcLevelOrder', message: `the next check is ${expected}, not ${check.level}` });
  }
  if (check.level === 'TECHNICIAN' && check.inspectorId !== technicianId) {
    issues.push({ field: 'inspectorId', rule: 'selfCheck', message: 'the self-check is done by the technician who did the work' });
  }
  if (check.level !== 'TECHNICIAN' && (check.inspectorId === technicianId || round.some((c) => c.inspectorId === check.inspectorId))) {
    issues.push({ field: 'inspectorId', rule: 'independentCheck', message: 'each level is checked by a different person than the earlier levels' });
  }
  return issues;
}

export function outcomeOf(check: Pick<QcCheck, 'level' | 'passed'>): QcOutcome {
  if (!check.passed) return { kind: 'REWORK' };
  const i = QC_LEVELS.indexOf(check.level);
  return i === QC_LEVELS.length - 1 ? { kind: 'PASSED' } : { kind: 'NEXT_LEVEL', next: QC_LEVELS[i + 1] };
}
