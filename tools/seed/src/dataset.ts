/**
 * Deterministic demo network for the automaker's worldwide after-sales organisation.
 *
 * `generateNetwork()` is pure: it only reads the static tables in `countries.ts` / `names.ts` and draws from
 * seeded mulberry32 generators (one per concern / per center, keyed by stable ids), so every call returns
 * deep-equal data and editing one country does not reshuffle the others.
 */
import { COUNTRY_ROWS, HQ_COUNTRY, REGION_ROWS, type CityRow, type CountryRow, type RegionRow, type WeekendPattern } from './countries';
import { Rng } from '../../simulator/src/rng';
import { NAME_GROUPS, type NameGroup } from './names';

export type StaffRole =
  | 'SERVICE_ADVISOR'
  | 'TECHNICIAN'
  | 'TEAM_LEADER'
  | 'QC_INSPECTOR'
  | 'SERVICE_MANAGER'
  | 'SERVICE_DIRECTOR'
  | 'GENERAL_MANAGER'
  | 'PARTS_MANAGER'
  | 'RESCUE_STAFF'
  | 'INBOUND_AGENT'
  | 'OUTBOUND_AGENT'
  | 'QC_AGENT'
  | 'MANAGEMENT_AGENT';

export type CenterKind = 'SERVICE_CENTER' | 'FAST_REPAIR_SHOP' | 'REGIONAL_CENTER' | 'HQ';
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface SeedRegion {
  id: string;
  code: string;
  name: string;
  countries: string[];
}

export interface SeedQualification {
  role: StaffRole;
  certifiedAt: string;
  expiresAt: string;
}

export interface SeedStaff {
  id: string;
  name: string;
  role: StaffRole;
  email: string;
  qualifications: SeedQualification[];
}

export interface SeedSlot {
  start: string;
  end: string;
}

export interface SeedCalendar {
  weekly: { weekday: Weekday; slots: SeedSlot[] }[];
  closures: string[];
  extraWorkingDays: { date: string; slots: SeedSlot[] }[];
  observePublicHolidays: boolean;
}

export interface SeedCenter {
  id: string;
  code: string;
  name: string;
  kind: CenterKind;
  country: string;
  regionId: string;
  parentId?: string;
  timeZone: string;
  location: { lat: number; lng: number };
  address: { line1: string; city: string; postalCode?: string };
  phones: string[];
  star?: { auditDate: string };
  status: 'ACTIVE' | 'SUSPENDED';
  rescue24h: boolean;
  calendar: SeedCalendar;
  staff: SeedStaff[];
}

export interface SeedNetwork {
  regions: SeedRegion[];
  centers: SeedCenter[];
}

// ------------------------------------------------------------------------------------------------ constants

export const SEED = 0x5eed_2026;
export const TOTAL_CENTERS = 946;
export const COUNTRY_COUNT = 130;
export const STAR_COUNT = 168;
export const FAST_REPAIR_SHARE = 0.25;
export const RESCUE_SHARE = 0.3;
export const SUSPENDED_COUNT = 12;
/** Star audits fall within the two years up to and including this day. */
export const STAR_AUDIT_END = '2026-11-01';
/** Day against which qualification expiry is judged (~5% are expired on this day). */
export const QUALIFICATION_REFERENCE_DATE = '2026-11-23';
/** Official 2026 adjusted working days in mainland China (a Sunday and a Saturday around National Day). */
export const CN_MAKE_UP_DAYS: readonly string[] = ['2026-09-20', '2026-10-10'];

/** Working pattern per weekend convention: full days and half (morning-only) days. */
export const WORK_WEEK: Readonly<Record<WeekendPattern, { full: readonly Weekday[]; half: readonly Weekday[] }>> = {
  SAT_SUN: { full: [1, 2, 3, 4, 5], half: [6] },
  FRI_SAT: { full: [7, 1, 2, 3, 4], half: [] },
  FRI: { full: [6, 7, 1, 2, 3], half: [4] },
  FRI_SUN: { full: [1, 2, 3, 4], half: [6] },
  SAT: { full: [7, 1, 2, 3, 4], half: [5] },
};

/** District names used to make dealer names in the large cities look local. */
const CITY_DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  Shanghai: ['Pudong', 'Minhang', 'Jiading', 'Baoshan', 'Songjiang', 'Qingpu', 'Xuhui', 'Putuo', 'Yangpu', 'Changning', 'Hongkou', 'Jingan', 'Fengxian', 'Jinshan', 'Huangpu', 'Chongming'],
  Beijing: ['Chaoyang', 'Haidian', 'Fengtai', 'Shijingshan', 'Tongzhou', 'Daxing', 'Changping', 'Shunyi', 'Fangshan', 'Mentougou', 'Huairou', 'Pinggu', 'Miyun', 'Yanqing', 'Dongcheng', 'Xicheng'],
  Guangzhou: ['Tianhe', 'Baiyun', 'Haizhu', 'Panyu', 'Huangpu', 'Huadu', 'Nansha', 'Liwan', 'Yuexiu', 'Zengcheng', 'Conghua'],
  Chengdu: ['Jinjiang', 'Qingyang', 'Jinniu', 'Wuhou', 'Chenghua', 'Longquanyi', 'Shuangliu', 'Wenjiang', 'Pidu', 'Xindu', 'Qingbaijiang', 'Xinjin'],
  Moscow: ['Khimki', 'Mytishchi', 'Lyubertsy', 'Odintsovo', 'Kuntsevo', 'Maryino', 'Otradnoye', 'Butovo', 'Sokolniki', 'Tushino', 'Vnukovo', 'Balashikha'],
  'São Paulo': ['Morumbi', 'Santo Amaro', 'Mooca', 'Tatuape', 'Lapa', 'Pinheiros', 'Guarulhos', 'Osasco', 'Santana', 'Ipiranga'],
  'Mexico City': ['Polanco', 'Coyoacan', 'Tlalpan', 'Iztapalapa', 'Naucalpan', 'Santa Fe', 'Azcapotzalco', 'Satelite', 'Del Valle', 'Xochimilco'],
  Santiago: ['Las Condes', 'Providencia', 'Maipu', 'Nunoa', 'La Florida', 'Vitacura', 'Quilicura', 'Puente Alto'],
  Riyadh: ['Al Olaya', 'Al Malaz', 'Al Sulay', 'Al Naseem', 'Al Yasmin', 'Al Shifa'],
  Lima: ['Miraflores', 'San Isidro', 'Surco', 'La Molina', 'Ate', 'San Miguel', 'Los Olivos'],
  Cairo: ['Nasr City', 'Heliopolis', 'New Cairo', 'Maadi', 'Obour', 'Mokattam'],
};

const GENERIC_QUALIFIERS = [
  'North', 'South', 'East', 'West', 'Central', 'Airport', 'Downtown', 'Ring Road', 'Industrial Park', 'Expressway',
  'Northeast', 'Southwest', 'Northwest', 'Southeast',
];

// ------------------------------------------------------------------------------------------------ PRNG

/** FNV-1a, used to derive independent sub-seeds from stable keys. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One generator per concern or center, keyed by a stable id, so adding a concern does not shift the others. */
function rngFor(key: string): Rng {
  return new Rng(hash32(`${SEED}:${key}`));
}

// ------------------------------------------------------------------------------------------------ dates

/** Days since 1970-01-01 for a proleptic Gregorian date (pure integer arithmetic, no Date objects). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function dayNumber(iso: string): number {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function isoDate(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function isoWeekday(iso: string): Weekday {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((dayNumber(iso) + 3) % 7) + 7) % 7 + 1) as Weekday;
}

function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const m = Number(iso.slice(5, 7));
  // Clamp Feb 29 to Feb 28 in non-leap years.
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const d = m === 2 && !leap ? Math.min(Number(iso.slice(8, 10)), 28) : Number(iso.slice(8, 10));
  return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// ------------------------------------------------------------------------------------------------ helpers

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fillPattern(pattern: string, rng: Rng): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  let out = '';
  for (const ch of pattern) {
    if (ch === '#') out += String(rng.int(0, 9));
    else if (ch === '@') out += letters[rng.int(0, letters.length - 1)];
    else out += ch;
  }
  return out;
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ş/g, 's')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function phoneNumber(country: CountryRow, city: CityRow, rng: Rng): string {
  const area = city[4];
  let rest = '';
  const len = country.nsn - area.length;
  for (let i = 0; i < len; i++) rest += String(i === 0 ? rng.int(2, 9) : rng.int(0, 9));
  return `+${country.cc}${area}${rest}`;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// ------------------------------------------------------------------------------------------------ skeleton

interface Skeleton {
  id: string;
  code: string;
  kind: CenterKind;
  country: CountryRow;
  region: RegionRow;
  regionId: string;
  parentId?: string;
  /** Index of the dealer outlet inside its country (0-based); -1 for HQ / regional centers. */
  dealerIndex: number;
  rescue24h: boolean;
  status: 'ACTIVE' | 'SUSPENDED';
  star: boolean;
}

function regionId(code: string): string {
  return `rg-${code.toLowerCase()}`;
}

function validateTables(): void {
  const codes = new Set(COUNTRY_ROWS.map((c) => c.code));
  if (codes.size !== COUNTRY_ROWS.length || codes.size !== COUNTRY_COUNT) {
    throw new Error(`country table must hold ${COUNTRY_COUNT} distinct countries, has ${codes.size}`);
  }
  const outlets = COUNTRY_ROWS.reduce((sum, c) => sum + c.outlets, 0);
  const expected = TOTAL_CENTERS - 1 - REGION_ROWS.length;
  if (outlets !== expected) throw new Error(`country table holds ${outlets} outlets, expected ${expected}`);
  for (const c of COUNTRY_ROWS) {
    if (c.cities.length < 1 || c.cities.length > 4) throw new Error(`${c.code}: 1-4 cities expected`);
    if (c.outlets < 1) throw new Error(`${c.code}: at least one outlet expected`);
    if (!NAME_GROUPS[c.lang]) throw new Error(`${c.code}: unknown name group ${c.lang}`);
  }
  for (const r of REGION_ROWS) {
    if (!COUNTRY_ROWS.some((c) => c.code === r.hub && c.region === r.code)) throw new Error(`region ${r.code}: hub ${r.hub} not in region`);
  }
}

function buildSkeletons(): Skeleton[] {
  const seqByCountry = new Map<string, number>();
  const nextId = (country: string): { id: string; code: string } => {
    const n = (seqByCountry.get(country) ?? 0) + 1;
    seqByCountry.set(country, n);
    return { id: `sc-${country.toLowerCase()}-${pad(n, 4)}`, code: `${country}-${pad(n, 4)}` };
  };
  const countryByCode = new Map(COUNTRY_ROWS.map((c) => [c.code, c]));
  const hqCountry = countryByCode.get(HQ_COUNTRY)!;
  const hqRegion = REGION_ROWS.find((r) => r.code === hqCountry.region)!;

  const out: Skeleton[] = [
    {
      id: 'sc-hq', code: 'HQ-0001', kind: 'HQ', country: hqCountry, region: hqRegion, regionId: regionId(hqRegion.code),
      dealerIndex: -1, rescue24h: false, status: 'ACTIVE', star: false,
    },
  ];
  const regionalIdByRegion = new Map<string, string>();
  for (const region of REGION_ROWS) {
    const hub = countryByCode.get(region.hub)!;
    const { id, code } = nextId(hub.code);
    regionalIdByRegion.set(region.code, id);
    out.push({
      id, code, kind: 'REGIONAL_CENTER', country: hub, region, regionId: regionId(region.code), parentId: 'sc-hq',
      dealerIndex: -1, rescue24h: true, status: 'ACTIVE', star: true,
    });
  }
  for (const region of REGION_ROWS) {
    for (const country of COUNTRY_ROWS.filter((c) => c.region === region.code)) {
      for (let i = 0; i < country.outlets; i++) {
        const { id, code } = nextId(country.code);
        out.push({
          id, code, kind: 'SERVICE_CENTER', country, region, regionId: regionId(region.code),
          parentId: regionalIdByRegion.get(region.code)!, dealerIndex: i, rescue24h: false, status: 'ACTIVE', star: false,
        });
      }
    }
  }

  const dealers = out.filter((s) => s.dealerIndex >= 0);
  // Fast repair shops: exactly 25% of the dealer outlets; the first outlet of every country stays a full service center.
  const frsCandidates = rngFor('fast-repair').shuffle(dealers.filter((s) => s.dealerIndex > 0));
  for (const s of frsCandidates.slice(0, Math.round(dealers.length * FAST_REPAIR_SHARE))) s.kind = 'FAST_REPAIR_SHOP';

  // A handful of suspended dealers (never the first outlet of a country).
  for (const s of rngFor('suspended').shuffle(dealers.filter((d) => d.dealerIndex > 0)).slice(0, SUSPENDED_COUNT)) {
    s.status = 'SUSPENDED';
  }

  // Rescue 24h: ~30% of active service-center outlets, at least one per region.
  const rescueRng = rngFor('rescue');
  const serviceCenters = dealers.filter((s) => s.kind === 'SERVICE_CENTER' && s.status === 'ACTIVE');
  for (const s of serviceCenters) s.rescue24h = rescueRng.chance(RESCUE_SHARE);
  for (const region of REGION_ROWS) {
    const inRegion = serviceCenters.filter((s) => s.region.code === region.code);
    if (!inRegion.some((s) => s.rescue24h) && inRegion[0]) inRegion[0].rescue24h = true;
  }

  // Star certification: every regional center plus active service-center outlets up to STAR_COUNT.
  const starred = out.filter((s) => s.star).length;
  for (const s of rngFor('star').shuffle(serviceCenters).slice(0, STAR_COUNT - starred)) s.star = true;
  return out;
}

// ------------------------------------------------------------------------------------------------ details

function buildName(s: Skeleton, city: CityRow, group: NameGroup, rng: Rng, used: Set<string>): string {
  const cityName = city[0];
  let candidates: string[];
  if (s.kind === 'HQ') {
    candidates = [`${cityName} Global After-Sales Headquarters`];
  } else if (s.kind === 'REGIONAL_CENTER') {
    candidates = [`${cityName} ${s.region.name} Regional Center`];
  } else {
    const label = s.kind === 'SERVICE_CENTER' ? 'Service Center' : 'Fast Repair Center';
    const qualifiers = rng.shuffle(CITY_DISTRICTS[cityName] ?? GENERIC_QUALIFIERS);
    const dealers = rng.shuffle(group.dealers);
    candidates = qualifiers.map((q) => `${cityName} ${q} ${label}`);
    for (const d of dealers) for (const q of qualifiers) candidates.push(`${d} ${cityName} ${q} ${label}`);
  }
  for (const c of candidates) {
    if (!used.has(c)) {
      used.add(c);
      return c;
    }
  }
  for (let n = 2; ; n++) {
    const c = `${candidates[0]} ${n}`;
    if (!used.has(c)) {
      used.add(c);
      return c;
    }
  }
}

function buildCalendar(s: Skeleton, rng: Rng): SeedCalendar {
  const pattern = WORK_WEEK[s.country.weekend];
  const office = s.kind === 'HQ' || s.kind === 'REGIONAL_CENTER';
  const start = office ? 540 : rng.pick([480, 480, 510, 510, 540]);
  const end = office ? 1080 : rng.pick([1020, 1050, 1080, 1080, 1110, 1140]);
  const longLunch = ['ES', 'MX', 'AR', 'CL', 'PE', 'CO', 'EC', 'UY', 'PY', 'BO', 'VE', 'GR', 'IT'].includes(s.country.code);
  const lunchStart = rng.pick([720, 720, 750, 780]);
  const lunchLen = longLunch ? rng.pick([60, 90, 120]) : rng.pick([60, 60, 90]);
  const continuous = !office && rng.chance(0.15);
  const full: SeedSlot[] = continuous
    ? [{ start: hhmm(start), end: hhmm(end) }]
    : [
        { start: hhmm(start), end: hhmm(lunchStart) },
        { start: hhmm(lunchStart + lunchLen), end: hhmm(end) },
      ];
  const half: SeedSlot[] = [{ start: hhmm(start), end: hhmm(rng.pick([720, 750, 780])) }];
  // ~10% of outlets (and the offices) do not open on the half day.
  const openHalf = !office && !rng.chance(0.1);

  const days: { weekday: Weekday; slots: SeedSlot[] }[] = [];
  for (const d of pattern.full) days.push({ weekday: d, slots: full.map((x) => ({ ...x })) });
  if (openHalf) for (const d of pattern.half) days.push({ weekday: d, slots: half.map((x) => ({ ...x })) });
  days.sort((a, b) => a.weekday - b.weekday);

  const closures: string[] = [];
  if (rng.chance(0.05)) {
    // Planned closure (refurbishment / stocktaking) on a regular working day in the coming months.
    const from = dayNumber('2026-12-01');
    const workdays = new Set(days.map((d) => d.weekday));
    for (let tries = 0; tries < 50; tries++) {
      const date = isoDate(from + rng.int(0, 119));
      if (workdays.has(isoWeekday(date))) {
        closures.push(date);
        break;
      }
    }
  }
  const extraWorkingDays =
    s.country.code === 'CN' ? CN_MAKE_UP_DAYS.map((date) => ({ date, slots: full.map((x) => ({ ...x })) })) : [];

  return { weekly: days, closures, extraWorkingDays, observePublicHolidays: office || !rng.chance(0.05) };
}

function staffRoles(s: Skeleton, rng: Rng): StaffRole[] {
  const roles: StaffRole[] = ['GENERAL_MANAGER'];
  const office = s.kind === 'HQ' || s.kind === 'REGIONAL_CENTER';
  const frs = s.kind === 'FAST_REPAIR_SHOP';
  if (office || (!frs && rng.chance(0.4))) roles.push('SERVICE_DIRECTOR');
  roles.push('SERVICE_MANAGER');
  if (office || (!frs && rng.chance(0.5))) roles.push('PARTS_MANAGER');
  roles.push('SERVICE_ADVISOR');
  if (office || rng.chance(frs ? 0.3 : 0.65)) roles.push('TEAM_LEADER');
  roles.push('TECHNICIAN');
  if (office || rng.chance(frs ? 0.3 : 0.6)) roles.push('QC_INSPECTOR');
  if (s.rescue24h) {
    roles.push('RESCUE_STAFF', 'RESCUE_STAFF');
    if (!office && rng.chance(0.4)) roles.push('RESCUE_STAFF');
  }
  // The call center's posts (seed 002): an inbound and an outbound agent at every office, and the
  // hotline's quality-control and management agents at HQ.
  if (office) roles.push('INBOUND_AGENT', 'OUTBOUND_AGENT');
  if (s.kind === 'HQ') roles.push('QC_AGENT', 'MANAGEMENT_AGENT');
  const target = office ? 12 : frs ? rng.int(4, 7) : rng.int(6, 12);
  while (roles.length < Math.min(12, target)) roles.push(rng.chance(0.6) ? 'TECHNICIAN' : 'SERVICE_ADVISOR');
  const order: StaffRole[] = [
    'GENERAL_MANAGER', 'SERVICE_DIRECTOR', 'SERVICE_MANAGER', 'PARTS_MANAGER', 'SERVICE_ADVISOR', 'TEAM_LEADER',
    'TECHNICIAN', 'QC_INSPECTOR', 'RESCUE_STAFF', 'INBOUND_AGENT', 'OUTBOUND_AGENT', 'QC_AGENT', 'MANAGEMENT_AGENT',
  ];
  return roles.slice(0, 12).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

const EXTRA_QUALIFICATION: Partial<Record<StaffRole, { p: number; roles: StaffRole[] }>> = {
  TECHNICIAN: { p: 0.3, roles: ['TEAM_LEADER', 'QC_INSPECTOR', 'RESCUE_STAFF'] },
  TEAM_LEADER: { p: 1, roles: ['TECHNICIAN'] },
  QC_INSPECTOR: { p: 0.5, roles: ['TECHNICIAN'] },
  RESCUE_STAFF: { p: 0.6, roles: ['TECHNICIAN'] },
  SERVICE_MANAGER: { p: 0.4, roles: ['SERVICE_ADVISOR'] },
  SERVICE_DIRECTOR: { p: 0.5, roles: ['SERVICE_MANAGER'] },
  INBOUND_AGENT: { p: 0.4, roles: ['OUTBOUND_AGENT'] },
  OUTBOUND_AGENT: { p: 0.4, roles: ['INBOUND_AGENT'] },
  MANAGEMENT_AGENT: { p: 1, roles: ['QC_AGENT'] },
};

function qualification(role: StaffRole, rng: Rng): SeedQualification {
  const ref = dayNumber(QUALIFICATION_REFERENCE_DATE);
  const expired = rng.chance(0.05);
  const expiresAt = isoDate(expired ? ref - rng.int(1, 600) : ref + rng.int(1, 1000));
  const years = rng.pick([2, 3, 3]);
  const certifiedAt = addYears(isoDate(dayNumber(expiresAt) + 1), -years);
  return { role, certifiedAt, expiresAt };
}

function buildStaff(s: Skeleton, group: NameGroup, rng: Rng): SeedStaff[] {
  const roles = staffRoles(s, rng);
  const base = s.kind === 'HQ' ? 'st-hq' : `st-${s.id.slice(3)}`;
  const domain = `${s.code.toLowerCase()}.aftersales.example`;
  const usedEmails = new Set<string>();
  const usedNames = new Set<string>();
  return roles.map((role, i) => {
    let given = '';
    let family = '';
    let name = '';
    // Re-draw (a bounded number of times) so that one center does not list the same person twice.
    for (let attempt = 0; attempt < 20 && (name === '' || usedNames.has(name)); attempt++) {
      const female = !!group.firstF && rng.chance(0.35);
      given = female ? rng.pick(group.firstF!) : rng.pick(group.first);
      const li = rng.int(0, group.last.length - 1);
      family = (female && group.lastF ? group.lastF[li] : group.last[li]) as string;
      name = group.familyFirst ? `${family} ${given}` : `${given} ${family}`;
    }
    usedNames.add(name);
    let local = `${asciiSlug(given)}.${asciiSlug(family)}`;
    for (let n = 2; usedEmails.has(local); n++) local = `${asciiSlug(given)}.${asciiSlug(family)}${n}`;
    usedEmails.add(local);
    const qualifications = [qualification(role, rng)];
    const extra = EXTRA_QUALIFICATION[role];
    if (extra && rng.chance(extra.p)) qualifications.push(qualification(rng.pick(extra.roles), rng));
    return { id: `${base}-${pad(i + 1, 2)}`, name, role, email: `${local}@${domain}`, qualifications };
  });
}

/** A country's first listed city draws the most dealers, the next three fewer, any further none. */
const CITY_WEIGHTS = [5, 3, 2, 2];

function buildCenter(s: Skeleton, usedNames: Set<string>): SeedCenter {
  const rng = rngFor(`center:${s.id}`);
  const country = s.country;
  const group = NAME_GROUPS[country.lang]!;
  const city = s.dealerIndex < 0 ? country.cities[0]! : rng.weighted(country.cities, (c) => CITY_WEIGHTS[country.cities.indexOf(c)] ?? 0)!;

  const jitter = s.dealerIndex < 0 ? Math.min(country.jitter ?? 0.1, 0.03) : (country.jitter ?? 0.1);
  const lat = round(city[1] + (rng.float() * 2 - 1) * jitter, 5);
  const lng = round(city[2] + ((rng.float() * 2 - 1) * jitter) / Math.cos((city[1] * Math.PI) / 180), 5);

  const line1 = group.streetFormat.replace('{n}', String(rng.int(1, 999))).replace('{s}', rng.pick(group.streets));
  const postal = city[5];
  const address: SeedCenter['address'] = { line1, city: city[0] };
  if (postal) address.postalCode = fillPattern(postal, rng);

  const phones = [phoneNumber(country, city, rng)];
  if (s.rescue24h || rng.chance(0.3)) {
    let p = phoneNumber(country, city, rng);
    while (phones.includes(p)) p = phoneNumber(country, city, rng);
    phones.push(p);
  }

  const name = buildName(s, city, group, rng, usedNames);
  const calendar = buildCalendar(s, rng);
  const staff = buildStaff(s, group, rng);

  const center: SeedCenter = {
    id: s.id,
    code: s.code,
    name,
    kind: s.kind,
    country: country.code,
    regionId: s.regionId,
    timeZone: city[3],
    location: { lat, lng },
    address,
    phones,
    status: s.status,
    rescue24h: s.rescue24h,
    calendar,
    staff,
  };
  if (s.parentId) center.parentId = s.parentId;
  if (s.star) {
    const end = dayNumber(STAR_AUDIT_END);
    center.star = { auditDate: isoDate(end - rng.int(0, 729)) };
  }
  return center;
}

// ------------------------------------------------------------------------------------------------ API

export function generateNetwork(): SeedNetwork {
  validateTables();
  const regions: SeedRegion[] = REGION_ROWS.map((r) => ({
    id: regionId(r.code),
    code: r.code,
    name: r.name,
    countries: COUNTRY_ROWS.filter((c) => c.region === r.code).map((c) => c.code),
  }));
  const usedNames = new Set<string>();
  const centers = buildSkeletons().map((s) => buildCenter(s, usedNames));
  return { regions, centers };
}

export { COUNTRY_ROWS, REGION_ROWS, HQ_COUNTRY };
export type { CountryRow, CityRow, RegionRow, WeekendPattern };
