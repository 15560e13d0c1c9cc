import { isDealer } from '../../auth/session';
import type { AreaRoute } from '../../routes';
// console-calls: parts short and the own scorecard (keep these lines together)
import { PartsShortPage } from './parts-short';
import { OwnScorecardPage } from './scorecard-own';

// console-calls: parts short and the own scorecard
const callsEngineerRoutes: AreaRoute[] = [
  { path: '/dealer/parts-short', component: PartsShortPage, nav: 'dealer:partsShort.nav', allowed: isDealer },
  { path: '/dealer/my-scorecard', component: OwnScorecardPage, nav: 'dealer:ownScorecard.nav', allowed: isDealer },
];

export const dealerRoutes: AreaRoute[] = [...callsEngineerRoutes];
