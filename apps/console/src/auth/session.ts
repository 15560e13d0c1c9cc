/** Who is signed in: the bearer token the gateway verifies, and the claims the console reads to decide what to show. */
export interface Claims {
  sub: string;
  roles: string[];
  centers: string[];
  regions: string[];
  exp?: number;
}

export interface Session {
  token: string;
  claims: Claims;
  /** How the token was obtained: the local demo sign-in or the organisation's identity provider. */
  via: 'dev' | 'oidc';
}

const KEY = 'aftersales.console.session';

/** Reads the claims without verifying them: the gateway verifies every request; the console only shapes its menus. */
export function claimsOf(token: string): Claims {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Partial<Claims>;
  return { sub: String(json.sub ?? ''), roles: json.roles ?? [], centers: json.centers ?? [], regions: json.regions ?? [], exp: json.exp };
}

export function loadSession(storage: Storage = sessionStorage): Session | null {
  const raw = storage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  if (session.claims.exp && session.claims.exp * 1000 < Date.now()) {
    storage.removeItem(KEY);
    return null;
  }
  return session;
}

export function saveSession(session: Session | null, storage: Storage = sessionStorage): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}

const HQ_ROLES = ['HQ_ADMIN', 'HQ_ANALYST'];
const CALL_CENTER_ROLES = ['INBOUND_AGENT', 'OUTBOUND_AGENT', 'QC_AGENT', 'MANAGEMENT_AGENT', 'CALL_CENTER_AGENT'];

export const isHq = (c: Claims) => c.roles.some((r) => HQ_ROLES.includes(r));
export const isDealer = (c: Claims) => c.roles.includes('DEALER');
export const isRegionManager = (c: Claims) => c.roles.includes('REGION_MANAGER');
export const isCallCenter = (c: Claims) => c.roles.some((r) => CALL_CENTER_ROLES.includes(r));
export const isPartsPlanner = (c: Claims) => c.roles.includes('PARTS_PLANNER');
