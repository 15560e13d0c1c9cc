import type { ComponentType } from 'react';
import type { Claims } from './auth/session';

/**
 * A page of an area. `allowed` only decides the menu and what the console tries to open; the graph
 * decides what the caller may read, and a FORBIDDEN answer is shown as such.
 */
export interface AreaRoute {
  /** wouter pattern under /console, e.g. `/centers/:id`. */
  path: string;
  component: ComponentType<{ params: Record<string, string | undefined> }>;
  /** In the menu under this i18n key (`<namespace>:<key>`), with no `:param` in the path. */
  nav?: string;
  allowed(claims: Claims): boolean;
}
