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
}

registerEnumType(ServiceCenterKind, { name: 'ServiceCenterKind' });
registerEnumType(ServiceCenterStatus, { name: 'ServiceCenterStatus' });
registerEnumType(StaffRole, { name: 'StaffRole' });
