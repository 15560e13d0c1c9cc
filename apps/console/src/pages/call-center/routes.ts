import type { Claims } from '../../auth/session';
import { isCallCenter } from '../../auth/session';
import type { AreaRoute } from '../../routes';
import { LogCallPage } from './log-call';
import { OutboundQueuePage } from './outbound-queue';
import { StaffingPage } from './staffing';

const has = (c: Claims, ...roles: string[]) => c.roles.some((r) => roles.includes(r));

// The posts of the call center (apps/calls/README.md "Roles and scope"); the former CALL_CENTER_AGENT is inbound and outbound.
export const callCenterRoutes: AreaRoute[] = [
  { path: '/calls/log', component: LogCallPage, nav: 'callCenter:logCall.title', allowed: (c) => has(c, 'INBOUND_AGENT', 'CALL_CENTER_AGENT') },
  { path: '/calls/queue', component: OutboundQueuePage, nav: 'callCenter:queue.title', allowed: isCallCenter },
  { path: '/calls/staffing', component: StaffingPage, nav: 'callCenter:staffing.nav', allowed: (c) => has(c, 'MANAGEMENT_AGENT') },
];
