import { registerEnumType } from '@nestjs/graphql';

export enum ServiceCenterKind {
  SERVICE_CENTER = 'SERVICE_CENTER',
  FAST_REPAIR_SHOP = 'FAST_REPAIR_SHOP',
  REGIONAL_CENTER = 'REGIONAL_CENTER',
  HQ = 'HQ',
}

export enum ServiceCenterStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}

export enum StaffRole {
  SERVICE_ADVISOR = 'SERVICE_ADVISOR',
  TECHNICIAN = 'TECHNICIAN',
  TEAM_LEADER = 'TEAM_LEADER',
  QC_INSPECTOR = 'QC_INSPECTOR',
  SERVICE_MANAGER = 'SERVICE_MANAGER',
  SERVICE_DIRECTOR = 'SERVICE_DIRECTOR',
  GENERAL_MANAGER = 'GENERAL_MANAGER',
  PARTS_MANAGER = 'PARTS_MANAGER',
  RESCUE_STAFF = 'RESCUE_STAFF',
  CALL_CENTER_AGENT = 'CALL_CENTER_AGENT',
  INBOUND_AGENT = 'INBOUND_AGENT',
  OUTBOUND_AGENT = 'OUTBOUND_AGENT',
  QC_AGENT = 'QC_AGENT',
  MANAGEMENT_AGENT = 'MANAGEMENT_AGENT',
}

registerEnumType(ServiceCenterKind, { name: 'ServiceCenterKind' });
registerEnumType(ServiceCenterStatus, { name: 'ServiceCenterStatus' });
registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'A staff post, and the qualification that post needs (training and certification, with an expiry)',
  valuesMap: {
    CALL_CENTER_AGENT: { description: 'The single call-center agent post before seed 002\'s four were separated: its qualification still covers INBOUND_AGENT and OUTBOUND_AGENT work' },
    INBOUND_AGENT: { description: 'Call center: answers the hotline, records calls, distributes job orders' },
    OUTBOUND_AGENT: { description: 'Call center: follow-up, survey, care and campaign calls' },
    QC_AGENT: { description: 'Call center: quality-control agent, scores calls' },
    MANAGEMENT_AGENT: { description: 'Call center: runs the center, plans and assigns outbound work' },
    SERVICE_ADVISOR: { description: 'Workshop: receives the customer and the car, opens and delivers the repair order' },
    RESCUE_STAFF: { description: '24 h rescue: a mission needs at least two qualified' },
  },
});
