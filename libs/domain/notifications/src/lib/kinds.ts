/** What a notification is about; the unit a user can mute. Several event types may share a kind. */
export const NotificationKinds = [
  'COMPLAINT_TRANSFERRED',
  'COMPLAINT_DEADLINE_WARNING',
  'COMPLAINT_DEADLINE_BREACHED',
  'COMPLAINT_POSTPONED',
  'COMPLAINT_RECLASSIFIED',
  'JOB_ORDER_SLA_WARNING',
  'JOB_ORDER_ESCALATED',
  'RESCUE_ESCALATED',
  'EXPERT_QUESTION',
  'LEAD_CREATED',
  'SURVEY_LINK',
  'PART_CLASS_CHANGED',
] as const;
export type NotificationKind = (typeof NotificationKinds)[number];

export const Channels = ['EMAIL', 'SMS', 'IN_APP'] as const;
export type Channel = (typeof Channels)[number];
