import { IANAZone } from 'luxon';
import {
  COUNTRY_ROWS,
  REGION_ROWS,
  STAR_AUDIT_END,
  QUALIFICATION_REFERENCE_DATE,
  WORK_WEEK,
  generateNetwork,
  type SeedCenter,
  type SeedNetwork,
  type StaffRole,
} from './dataset';

const network: SeedNetwork = generateNetwork();
const { centers, regions } = network;
const tableByCode = new Map(COUNTRY_ROWS.map((c) => [c.code, c]));
const dealers = centers.filter((c) => c.kind === 'SERVICE_CENTER' || c.kind === 'FAST_REPAIR_SHOP');
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function isRealDate(iso: string): boolean {
  return ISO_DATE.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
}

/** Independent of the generator's own date arithmetic. */
function isoWeekday(iso: string): number {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Standard (non-DST) UTC offset in hours: the smaller of the January and July offsets. */
function standardOffsetHours(zone: string): number {
  const offsetAt = (date: Date): number => {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')!.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part);
    if (!m) return 0; // plain "GMT"
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60);
  };
  return Math.min(offsetAt(new Date(Date.UTC(2026, 0, 15))), offsetAt(new Date(Date.UTC(2026, 6, 15))));
}

const SUPPORTED_ZONES = new Set(Intl.supportedValuesOf('timeZone'));

function isValidZone(zone: string): boolean {
  let intlOk = SUPPORTED_ZONES.has(zone);
  if (!intlOk) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      intlOk = true;
    } catch {
      intlOk = false;
    }
  }
  return intlOk && IANAZone.isValidZone(zone);
}

describe('country table', () => {
  it('holds 130 distinct, real ISO 3166-1 alpha-2 countries', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    expect(new Set(COUNTRY_ROWS.map((c) => c.code)).size).toBe(130);
    for (const c of COUNTRY_ROWS) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      const name = names.of(c.code);
      expect(name).toBeDefined();
      expect(name).not.toBe(c.code);
      expect(name).not.toBe('Unknown Region');
    }
  });

  it('has 1-4 cities per country with plausible coordinates and zones', () => {
    for (const c of COUNTRY_ROWS) {
      expect(c.cities.length).toBeGreaterThanOrEqual(1);
      expect(c.cities.length).toBeLessThanOrEqual(4);
      for (const [name, lat, lng, zone] of c.cities) {
        expect(name.length).toBeGreaterThan(1);
        expect(Math.abs(lat)).toBeLessThanOrEqual(70);
        expect(Math.abs(lng)).toBeLessThanOrEqual(180);
        expect({ zone, valid: isValidZone(zone) }).toEqual({ zone, valid: true });
        // The zone's standard offset must roughly follow the city's longitude (catches zones from the wrong continent).
        const delta = Math.abs(standardOffsetHours(zone) - lng / 15);
        expect({ city: name, zone, ok: delta <= 2.5 }).toEqual({ city: name, zone, ok: true });
      }
    }
  });

  it('uses the right zones for multi-zone countries', () => {
    const expected: Record<string, Record<string, string>> = {
      RU: { Moscow: 'Europe/Moscow', Novosibirsk: 'Asia/Novosibirsk', Yekaterinburg: 'Asia/Yekaterinburg' },
      BR: { 'São Paulo': 'America/Sao_Paulo', Manaus: 'America/Manaus' },
      MX: { 'Mexico City': 'America/Mexico_City', Monterrey: 'America/Monterrey', Tijuana: 'America/Tijuana' },
      AU: { Sydney: 'Australia/Sydney', Brisbane: 'Australia/Brisbane', Perth: 'Australia/Perth' },
      ID: { Jakarta: 'Asia/Jakarta', Makassar: 'Asia/Makassar' },
      MY: { 'Kuala Lumpur': 'Asia/Kuala_Lumpur', Kuching: 'Asia/Kuching' },
      KZ: { Almaty: 'Asia/Almaty', Aktobe: 'Asia/Aqtobe' },
      AR: { 'Buenos Aires': 'America/Argentina/Buenos_Aires', Mendoza: 'America/Argentina/Mendoza' },
      CN: { Shanghai: 'Asia/Shanghai', Chengdu: 'Asia/Shanghai' },
    };
    for (const [code, cities] of Object.entries(expected)) {
      const row = tableByCode.get(code)!;
      for (const [city, zone] of Object.entries(cities)) {
        expect(row.cities.find((c) => c[0] === city)?.[3]).toBe(zone);
      }
    }
  });

  it('has real calling codes', () => {
    const known: Record<string, string> = {
      CN: '86', RU: '7', KZ: '7', BR: '55', MX: '52', SA: '966', AE: '971', EG: '20', ZA: '27', CL: '56', PE: '51',
      IR: '98', TR: '90', DE: '49', GB: '44', FR: '33', IT: '39', ES: '34', AU: '61', ID: '62', TH: '66', MY: '60',
      PK: '92', IN: '91', NG: '234', DZ: '213', MA: '212', AR: '54', CO: '57', DO: '1', JM: '1', HK: '852', UZ: '998',
    };
    for (const [code, cc] of Object.entries(known)) expect([code, tableByCode.get(code)?.cc]).toEqual([code, cc]);
    for (const c of COUNTRY_ROWS) {
      expect(c.cc).toMatch(/^[1-9]\d{0,2}$/);
      expect(c.cc.length + c.nsn).toBeLessThanOrEqual(15);
    }
  });

  it('uses the right weekend pattern', () => {
    const friSat = ['SA', 'KW', 'QA', 'BH', 'OM', 'JO', 'IQ', 'EG', 'LY', 'DZ', 'SD', 'IL', 'BD', 'MV'];
    for (const c of COUNTRY_ROWS) {
      const expected = friSat.includes(c.code) ? 'FRI_SAT' : c.code === 'IR' ? 'FRI' : c.code === 'BN' ? 'FRI_SUN' : c.code === 'NP' ? 'SAT' : 'SAT_SUN';
      expect([c.code, c.weekend]).toEqual([c.code, expected]);
    }
  });
});

describe('generateNetwork', () => {
  it('is deterministic', () => {
    const again = generateNetwork();
    expect(again).toEqual(network);
    expect(JSON.stringify(again)).toBe(JSON.stringify(network));
  });

  it('has exactly 946 centers over exactly 130 countries, each country with at least one outlet', () => {
    expect(centers).toHaveLength(946);
    const countries = new Set(centers.map((c) => c.country));
    expect(countries.size).toBe(130);
    for (const code of countries) expect(tableByCode.has(code)).toBe(true);
    for (const row of COUNTRY_ROWS) expect(dealers.filter((c) => c.country === row.code)).toHaveLength(row.outlets);
  });

  it('has one HQ, one regional center per region and ~25% fast repair shops', () => {
    expect(centers.filter((c) => c.kind === 'HQ')).toHaveLength(1);
    expect(regions.length).toBeGreaterThanOrEqual(8);
    expect(regions.length).toBeLessThanOrEqual(10);
    for (const r of regions) {
      expect(centers.filter((c) => c.kind === 'REGIONAL_CENTER' && c.regionId === r.id)).toHaveLength(1);
    }
    const frsShare = dealers.filter((c) => c.kind === 'FAST_REPAIR_SHOP').length / dealers.length;
    expect(frsShare).toBeGreaterThan(0.22);
    expect(frsShare).toBeLessThan(0.28);
  });

  it('partitions the countries over the regions consistently', () => {
    const all = regions.flatMap((r) => r.countries);
    expect(all).toHaveLength(130);
    expect(new Set(all).size).toBe(130);
    expect(new Set(regions.map((r) => r.id)).size).toBe(regions.length);
    expect(regions.map((r) => r.code)).toEqual(REGION_ROWS.map((r) => r.code));
    for (const c of centers) {
      const region = regions.find((r) => r.id === c.regionId);
      expect(region?.countries).toContain(c.country);
    }
  });

  it('has unique, well-formed ids, codes and names', () => {
    expect(new Set(centers.map((c) => c.id)).size).toBe(946);
    expect(new Set(centers.map((c) => c.code)).size).toBe(946);
    expect(new Set(centers.map((c) => c.name)).size).toBe(946);
    for (const c of centers) {
      if (c.kind === 'HQ') {
        expect(c.id).toBe('sc-hq');
        continue;
      }
      expect(c.id).toBe(`sc-${c.country.toLowerCase()}-${c.code.slice(3)}`);
      expect(c.code).toMatch(new RegExp(`^${c.country}-\\d{4}$`));
      expect(c.name).toMatch(/^[\p{Script=Latin}0-9 &'.,-]+$/u);
    }
  });

  it('wires parents: dealers -> regional center of their region, regional centers -> HQ', () => {
    const byId = new Map(centers.map((c) => [c.id, c]));
    const hq = centers.find((c) => c.kind === 'HQ')!;
    expect(hq.parentId).toBeUndefined();
    for (const c of centers) {
      if (c.kind === 'REGIONAL_CENTER') expect(c.parentId).toBe(hq.id);
      if (c.kind === 'SERVICE_CENTER' || c.kind === 'FAST_REPAIR_SHOP') {
        const parent = byId.get(c.parentId ?? '');
        expect(parent?.kind).toBe('REGIONAL_CENTER');
        expect(parent?.regionId).toBe(c.regionId);
      }
    }
  });

  it('uses valid time zones taken from the country table', () => {
    const problems: string[] = [];
    for (const c of centers) {
      if (!isValidZone(c.timeZone)) problems.push(`${c.id}: invalid zone ${c.timeZone}`);
      const city = tableByCode.get(c.country)!.cities.find((x) => x[0] === c.address.city);
      if (!city) problems.push(`${c.id}: unknown city ${c.address.city}`);
      else if (city[3] !== c.timeZone) problems.push(`${c.id}: zone ${c.timeZone} is not the zone of ${city[0]}`);
    }
    expect(problems).toEqual([]);
  });

  it('places centers near their city', () => {
    const problems: string[] = [];
    for (const c of centers) {
      const { lat, lng } = c.location;
      if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) problems.push(`${c.id}: out of range`);
      const city = tableByCode.get(c.country)!.cities.find((x) => x[0] === c.address.city)!;
      const dLat = Math.abs(lat - city[1]);
      const dLng = Math.abs(lng - city[2]) * Math.cos((city[1] * Math.PI) / 180);
      if (dLat > 0.5 || dLng > 0.5) problems.push(`${c.id}: too far from ${city[0]}`);
    }
    expect(problems).toEqual([]);
  });

  it('has E.164 phones with the country calling code', () => {
    const problems: string[] = [];
    for (const c of centers) {
      if (c.phones.length === 0 || new Set(c.phones).size !== c.phones.length) problems.push(`${c.id}: phones ${c.phones.join()}`);
      const cc = tableByCode.get(c.country)!.cc;
      for (const p of c.phones) {
        if (!/^\+[1-9]\d{6,14}$/.test(p) || !p.startsWith(`+${cc}`)) problems.push(`${c.id}: bad phone ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has exactly 168 star centers (service / regional centers only) audited in the two years before 2026-11-01', () => {
    const star = centers.filter((c) => c.star);
    expect(star).toHaveLength(168);
    const end = STAR_AUDIT_END;
    const start = '2024-11-01';
    for (const c of star) {
      expect(['SERVICE_CENTER', 'REGIONAL_CENTER']).toContain(c.kind);
      expect(isRealDate(c.star!.auditDate)).toBe(true);
      expect(c.star!.auditDate >= start && c.star!.auditDate <= end).toBe(true);
    }
  });

  it('has rescue24h outlets (~30% of service centers, at least one per region) staffed with rescuers', () => {
    const sc = centers.filter((c) => c.kind === 'SERVICE_CENTER');
    const share = sc.filter((c) => c.rescue24h).length / sc.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    expect(centers.filter((c) => c.kind === 'FAST_REPAIR_SHOP' && c.rescue24h)).toHaveLength(0);
    for (const r of regions) expect(sc.some((c) => c.regionId === r.id && c.rescue24h)).toBe(true);
    for (const c of centers.filter((x) => x.rescue24h)) {
      expect(c.staff.filter((s) => s.role === 'RESCUE_STAFF').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('staffs every center with 4-12 people covering the mandatory roles', () => {
    const ids = new Set<string>();
    const problems: string[] = [];
    const fail = (c: SeedCenter, msg: string): void => void problems.push(`${c.id}: ${msg}`);
    for (const c of centers) {
      if (c.staff.length < 4 || c.staff.length > 12) fail(c, `staff size ${c.staff.length}`);
      const roles = new Set<StaffRole>(c.staff.map((s) => s.role));
      for (const r of ['GENERAL_MANAGER', 'SERVICE_MANAGER', 'SERVICE_ADVISOR', 'TECHNICIAN'] as const) {
        if (!roles.has(r)) fail(c, `missing ${r}`);
      }
      if (new Set(c.staff.map((s) => s.email)).size !== c.staff.length) fail(c, 'duplicate email');
      if (new Set(c.staff.map((s) => s.name)).size !== c.staff.length) fail(c, 'duplicate name');
      const prefix = c.kind === 'HQ' ? 'st-hq-' : `st-${c.id.slice(3)}-`;
      for (const s of c.staff) {
        if (!s.id.startsWith(prefix) || !/^st-(hq|[a-z]{2}-\d{4})-\d{2}$/.test(s.id)) fail(c, `bad staff id ${s.id}`);
        if (ids.has(s.id)) fail(c, `duplicate staff id ${s.id}`);
        ids.add(s.id);
        if (!/^[a-z0-9.]+@[a-z0-9.-]+\.example$/.test(s.email)) fail(c, `bad email ${s.email}`);
        if (!/^[\p{Script=Latin}' .-]+$/u.test(s.name)) fail(c, `bad name ${s.name}`);
        if (!s.qualifications.some((q) => q.role === s.role)) fail(c, `${s.id} lacks a ${s.role} qualification`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has qualification dates with ~5% expired as of 2026-11-23', () => {
    const quals = centers.flatMap((c) => c.staff.flatMap((s) => s.qualifications));
    const bad = quals.filter((q) => !isRealDate(q.certifiedAt) || !isRealDate(q.expiresAt) || q.certifiedAt >= q.expiresAt);
    expect(bad).toEqual([]);
    const expired = quals.filter((q) => q.expiresAt < QUALIFICATION_REFERENCE_DATE).length / quals.length;
    expect(expired).toBeGreaterThan(0.03);
    expect(expired).toBeLessThan(0.08);
  });

  it('has well-formed calendars following the country weekend', () => {
    const problems: string[] = [];
    const checkSlots = (id: string, slots: { start: string; end: string }[]): void => {
      if (slots.length === 0) problems.push(`${id}: no slots`);
      let previousEnd = -1;
      for (const s of slots) {
        if (!HHMM.test(s.start) || !HHMM.test(s.end)) problems.push(`${id}: bad time ${s.start}-${s.end}`);
        else if (minutes(s.start) >= minutes(s.end)) problems.push(`${id}: empty slot ${s.start}-${s.end}`);
        else if (minutes(s.start) < previousEnd) problems.push(`${id}: overlapping / unsorted slot ${s.start}`);
        previousEnd = minutes(s.end);
      }
    };
    for (const c of centers) {
      const { weekly, closures, extraWorkingDays } = c.calendar;
      const pattern = WORK_WEEK[tableByCode.get(c.country)!.weekend];
      const allowed = new Set<number>([...pattern.full, ...pattern.half]);
      const days = weekly.map((d) => d.weekday);
      if (new Set(days).size !== days.length) problems.push(`${c.id}: duplicate weekday`);
      for (const d of days) if (!allowed.has(d)) problems.push(`${c.id}: works on weekend day ${d}`);
      for (const d of pattern.full) if (!days.includes(d)) problems.push(`${c.id}: closed on working day ${d}`);
      for (const d of weekly) checkSlots(`${c.id}/${d.weekday}`, d.slots);
      for (const d of closures) {
        if (!isRealDate(d)) problems.push(`${c.id}: bad closure ${d}`);
        else if (!days.includes(isoWeekday(d) as (typeof days)[number])) problems.push(`${c.id}: closure ${d} on a closed day`);
      }
      for (const e of extraWorkingDays) {
        if (!isRealDate(e.date)) problems.push(`${c.id}: bad extra day ${e.date}`);
        checkSlots(`${c.id}/${e.date}`, e.slots);
      }
    }
    expect(problems).toEqual([]);
  });

  it('works Sun-Thu in Fri-Sat weekend countries and Mon-Fri (+Sat) elsewhere', () => {
    const check = (c: SeedCenter): void => {
      const days = c.calendar.weekly.map((d) => d.weekday);
      const weekend = tableByCode.get(c.country)!.weekend;
      if (weekend === 'FRI_SAT') expect(days).toEqual([1, 2, 3, 4, 7]);
      if (weekend === 'SAT_SUN') {
        expect(days.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
        expect(days).not.toContain(7);
      }
    };
    centers.forEach(check);
    expect(centers.find((c) => c.country === 'SA')!.calendar.weekly.map((d) => d.weekday)).not.toContain(5);
  });

  it('has lunch breaks for most centers, some closures and CN make-up working days', () => {
    const withLunch = centers.filter((c) => c.calendar.weekly[0]!.slots.length === 2).length;
    expect(withLunch / centers.length).toBeGreaterThan(0.7);
    const withClosure = centers.filter((c) => c.calendar.closures.length > 0).length;
    expect(withClosure).toBeGreaterThan(5);
    expect(withClosure).toBeLessThan(100);
    for (const c of centers) {
      if (c.country === 'CN') {
        expect(c.calendar.extraWorkingDays.length).toBeGreaterThan(0);
        for (const e of c.calendar.extraWorkingDays) expect([6, 7]).toContain(isoWeekday(e.date));
      } else {
        expect(c.calendar.extraWorkingDays).toHaveLength(0);
      }
    }
  });

  it('keeps HQ and regional centers active', () => {
    for (const c of centers.filter((x) => x.kind === 'HQ' || x.kind === 'REGIONAL_CENTER')) expect(c.status).toBe('ACTIVE');
    expect(centers.filter((c) => c.status === 'SUSPENDED').length).toBeLessThan(30);
  });
});
