import { isDealer, isHq, isRegionManager, type Claims } from '../../auth/session';
import type { AreaRoute } from '../../routes';
import { AssessmentPage } from './assessment';
import { CenterPage } from './center';
import { EscalationsPage } from './escalations';
import { MeetingPacksPage } from './meeting-packs';
import { ScorecardPage } from './scorecard';

// What the graph lets each role read: the scorecard and a center's page are scoped (a dealer its own
// centers), the assessment and the network's escalations are HQ's and region managers', the meeting
// packs HQ's (and the call center's, whose area has its own pages).
const networkReaders = (c: Claims) => isHq(c) || isRegionManager(c);

export const hqRoutes: AreaRoute[] = [
  { path: '/hq/scorecard', component: ScorecardPage, nav: 'hq:scorecard.title', allowed: (c) => networkReaders(c) || isDealer(c) },
  { path: '/centers/:id', component: CenterPage, allowed: (c) => networkReaders(c) || isDealer(c) },
  { path: '/hq/escalations', component: EscalationsPage, nav: 'hq:escalations.nav', allowed: networkReaders },
  { path: '/hq/assessment', component: AssessmentPage, nav: 'hq:assessment.nav', allowed: networkReaders },
  { path: '/hq/meeting-packs', component: MeetingPacksPage, nav: 'hq:meetings.nav', allowed: isHq },
];
