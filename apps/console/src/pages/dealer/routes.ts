import { createElement, lazy, Suspense, type ComponentType } from 'react';
import { isDealer } from '../../auth/session';
import type { AreaRoute } from '../../routes';

type Page = ComponentType<{ params: Record<string, string | undefined> }>;

/** Each page is its own chunk (a dealer opening the workshop does not download the reply form), with its own Suspense boundary. */
function lazyPage(load: () => Promise<Page>): Page {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  return (props) => createElement(Suspense, { fallback: createElement('p', { 'aria-busy': 'true' }) }, createElement(Lazy, props));
}

const WorkshopTodayPage = lazyPage(() => import('./workshop-today').then((m) => m.WorkshopTodayPage));
const JobOrdersPage = lazyPage(() => import('./job-orders').then((m) => m.JobOrdersPage));
const JobOrderPage = lazyPage(() => import('./job-order').then((m) => m.JobOrderPage));
const ComplaintsPage = lazyPage(() => import('./complaints').then((m) => m.ComplaintsPage));
const FollowUpsPage = lazyPage(() => import('./follow-ups').then((m) => m.FollowUpsPage));
const PartsShortPage = lazyPage(() => import('./parts-short').then((m) => m.PartsShortPage));
const OwnScorecardPage = lazyPage(() => import('./scorecard-own').then((m) => m.OwnScorecardPage));

/** The workshop comes first: it is where a dealer lands. */
export const dealerRoutes: AreaRoute[] = [
  { path: '/dealer/workshop', component: WorkshopTodayPage, nav: 'dealer:workshop.title', allowed: isDealer },
  { path: '/dealer/job-orders', component: JobOrdersPage, nav: 'dealer:jobOrders.title', allowed: isDealer },
  { path: '/dealer/job-orders/:id', component: JobOrderPage, allowed: isDealer },
  { path: '/dealer/complaints', component: ComplaintsPage, nav: 'dealer:complaints.title', allowed: isDealer },
  { path: '/dealer/follow-ups', component: FollowUpsPage, nav: 'dealer:followUps.title', allowed: isDealer },
  { path: '/dealer/parts-short', component: PartsShortPage, nav: 'dealer:partsShort.nav', allowed: isDealer },
  { path: '/dealer/my-scorecard', component: OwnScorecardPage, nav: 'dealer:ownScorecard.nav', allowed: isDealer },
];
