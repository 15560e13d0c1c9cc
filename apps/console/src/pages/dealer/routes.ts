import type { AreaRoute } from '../../routes';

export const dealerRoutes: AreaRoute[] = [];
