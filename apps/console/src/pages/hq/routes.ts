import { isDealer, isHq, isRegionManager } from '../../auth/session';
import type { AreaRoute } from '../../routes';
import { ScorecardPage } from './scorecard';

export const hqRoutes: AreaRoute[] = [
  { path: '/hq/scorecard', component: ScorecardPage, nav: 'hq:scorecard.title', allowed: (c) => isHq(c) || isRegionManager(c) || isDealer(c) },
];
