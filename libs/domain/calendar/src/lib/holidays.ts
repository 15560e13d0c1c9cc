import Holidays from 'date-holidays';
import { DAY_MS, parseIsoDate } from './time';

/**
 * Holidays that date-holidays types as 'public' although only a group of people gets the day off,
 * so a service center stays open. Keyed by country, then MM-DD.
 */
const GROUP_ONLY_HOLIDAYS: Record<string, ReadonlySet<string>> = {
  CN: new Set(['06-01']), // Children's Day: "children below the age of 14"
};

const instances = new Map<string, Holidays>();
const yearMaps = new Map<string, Map<number, string>>();
let countryCodes: Set<string> | undefined;
let catalogue: Holidays | undefined;

/** A country-less instance, only for listing countries and subdivisions. */
function catalog(): Holidays {
  return (catalogue ??= new Holidays());
}

function instanceKey(country: string, subdivision?: string): string {
  return subdivision ? `${country}-${subdivision}` : country;
}

function instance(country: string, subdivision?: string): Holidays {
  const key = instanceKey(country, subdivision);
  let hd = instances.get(key);
  if (!hd) {
    hd = subdivision ? new Holidays(country, subdivision) : new Holidays(country);
    instances.set(key, hd);
  }
  return hd;
}

export function knownCountries(): Set<string> {
  if (!countryCodes) countryCodes = new Set(Object.keys(catalog().getCountries()));
  return countryCodes;
}

export function isKnownCountry(country: string): boolean {
  return knownCountries().has(country);
}

export function isKnownSubdivision(country: string, subdivision: string): boolean {
  const states = catalog().getStates(country) as Record<string, string> | undefined;
  return !!states && Object.prototype.hasOwnProperty.call(states, subdivision);
}

/**
 * Full-day public holidays whose nominal year is `year`, keyed by local day number. A multi-day
 * entry (e.g. RU "New Year holidays" 2-6 Jan, SA Eid) is expanded to each day it covers.
 * Partial-day 'public' entries (e.g. CN Women's Day from 12:00) are skipped: they apply to a group
 * of employees, and a half day cannot close "the whole day" without closing too much.
 */
function yearMap(country: string, subdivision: string | undefined, year: number): Map<number, string> {
  const key = `${instanceKey(country, subdivision)}|${year}`;
  let map = yearMaps.get(key);
  if (map) return map;
  map = new Map();
  const excluded = GROUP_ONLY_HOLIDAYS[country];
  for (const h of instance(country, subdivision).getHolidays(year, 'en')) {
    if (h.type !== 'public') continue;
    // The 'date' string is local to the country ("YYYY-MM-DD hh:mm:ss [offset]"); Islamic holidays
    // carry a "-0600" suffix meaning "starts 6 h before", i.e. the evening before. The date part
    // is the first full day.
    if (h.date.slice(11, 19) !== '00:00:00') continue;
    if (excluded?.has(h.date.slice(5, 10))) continue;
    const first = parseIsoDate(h.date.slice(0, 10));
    if (first === undefined) continue;
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let i = 0; i < days; i++) {
      const d = first + i;
      const existing = map.get(d);
      if (existing === undefined) map.set(d, h.name);
      else if (!existing.split(' / ').includes(h.name)) map.set(d, `${existing} / ${h.name}`);
    }
  }
  yearMaps.set(key, map);
  return map;
}

/** Name of the public holiday on the local day, if any. */
export function holidayOn(country: string, subdivision: string | undefined, day: number, year: number): string | undefined {
  // Entries of the previous year may spill over New Year (multi-day holidays).
  return yearMap(country, subdivision, year).get(day) ?? yearMap(country, subdivision, year - 1).get(day);
}
