import type { AreaRoute } from '../../routes';

export const callCenterRoutes: AreaRoute[] = [];
