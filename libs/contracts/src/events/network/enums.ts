export const ServiceCenterKinds = ['SERVICE_CENTER', 'FAST_REPAIR_SHOP', 'REGIONAL_CENTER', 'HQ'] as const;
export type ServiceCenterKind = (typeof ServiceCenterKinds)[number];

export const ServiceCenterStatuses = ['ACTIVE', 'SUSPENDED', 'CLOSED'] as const;
export type ServiceCenterStatus = (typeof ServiceCenterStatuses)[number];

export const KeyContactRoles = ['SERVICE_MANAGER', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER'] as const;
export type KeyContactRole = (typeof KeyContactRoles)[number];

export const StaffRoles = [
  'SERVICE_ADVISOR',
  'TECHNICIAN',
  'TEAM_LEADER',
  'QC_INSPECTOR',
  'SERVICE_MANAGER',
  'SERVICE_DIRECTOR',
  'GENERAL_MANAGER',
  'PARTS_MANAGER',
  'RESCUE_STAFF',
  /** The call center's single agent post before seed 002's four were separated; its certification still covers inbound and outbound work. */
  'CALL_CENTER_AGENT',
  'INBOUND_AGENT',
  'OUTBOUND_AGENT',
  'QC_AGENT',
  'MANAGEMENT_AGENT',
] as const;
export type StaffRole = (typeof StaffRoles)[number];
