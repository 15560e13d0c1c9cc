import { getExampleNumber } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import { normalizePhone } from '@aftersales/domain-calls';
import { vinCheckDigit } from '@aftersales/values';
import { COUNTRY_ROWS } from '../../seed/src/countries';
import { NAME_GROUPS } from '../../seed/src/names';
import type { Rng } from './rng';

/**
 * The customers, vehicles and faults of the simulated traffic: names from the country's name group,
 * valid phone numbers of the country, the brand's VINs (Chinese WMI, check digit right) and a fault
 * catalog tied to the parts catalog.
 */
export interface Customer {
  name: string;
  phone: string;
  country: string;
  /** BCP-47; the survey language follows it. */
  language: string;
  /** A customer with an e-mail gets a web survey link, one without a call from the call center. */
  email?: string;
}

export interface Vehicle {
  vin: string;
  model: string;
  mileageKm: number;
}

const LANGUAGE_BY_GROUP: Record<string, string> = { zh: 'zh-CN', yue: 'zh-HK', pt: 'pt-BR', es: 'es', ru: 'ru', uk: 'ru', ar: 'ar', eg: 'ar' };
const GROUP_BY_COUNTRY = new Map(COUNTRY_ROWS.map((c) => [c.code, c.lang]));

export function customerLanguage(country: string): string {
  return LANGUAGE_BY_GROUP[GROUP_BY_COUNTRY.get(country) ?? 'en'] ?? 'en';
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function personName(country: string, rng: Rng): string {
  const group = NAME_GROUPS[GROUP_BY_COUNTRY.get(country) ?? 'en'] ?? NAME_GROUPS.en!;
  const female = !!group.firstF && rng.chance(0.45);
  const given = female ? rng.pick(group.firstF!) : rng.pick(group.first);
  const li = rng.int(0, group.last.length - 1);
  const family = (female && group.lastF ? group.lastF[li] : group.last[li])!;
  return group.familyFirst ? `${family} ${given}` : `${given} ${family}`;
}

/**
 * A valid number of the country: the center's own number with another subscriber part (same area,
 * so it parses as that country's), else the library's example mobile number varied, else the center's.
 */
export function phoneIn(country: string, centerPhones: readonly string[], rng: Rng): string {
  const valid = (p: string) => {
    const n = normalizePhone(p, country);
    return 'e164' in n ? n.e164 : null;
  };
  for (const base of centerPhones) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const keep = base.length - 4;
      const candidate = `${base.slice(0, keep)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
      const ok = valid(candidate);
      if (ok) return ok;
    }
  }
  try {
    const example = getExampleNumber(country as never, examples)?.number;
    if (example) {
      for (let attempt = 0; attempt < 6; attempt++) {
        const ok = valid(`${example.slice(0, -3)}${String(rng.int(0, 999)).padStart(3, '0')}`);
        if (ok) return ok;
      }
      if (valid(example)) return example;
    }
  } catch {
    // a country code the example table does not know: fall through to the center's number
  }
  return centerPhones[0] ?? '+8613800138000';
}

export function customerFor(center: { country: string; phones: readonly string[]; code: string }, rng: Rng, emailShare = 0.25): Customer {
  const name = personName(center.country, rng);
  const customer: Customer = { name, phone: phoneIn(center.country, center.phones, rng), country: center.country, language: customerLanguage(center.country) };
  if (rng.chance(emailShare)) customer.email = `${asciiSlug(name) || 'customer'}${rng.int(1, 999)}@mail.example`;
  return customer;
}

/** Model, VIN descriptor section and typical mileage per year of the brand's range. */
export const MODELS: readonly { model: string; vds: string }[] = [
  { model: 'JS4', vds: '2EKR2' },
  { model: 'JS6', vds: '2EKR6' },
  { model: 'J7', vds: '1SED7' },
  { model: 'T8', vds: '4PKP8' },
  { model: 'T9', vds: '4PKP9' },
  { model: 'HFC1040', vds: '1040K' },
  { model: 'Sunray', vds: '6VAN5' },
  { model: 'iEV7', vds: '7EVS7' },
];

const VIN_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** A VIN of the brand: WMI LJ1 (China, so the check digit is mandatory and right), model year R-T. */
export function vin(model: { vds: string }, rng: Rng): string {
  const year = rng.pick(['P', 'R', 'S', 'T']);
  const plant = VIN_LETTERS[rng.int(0, 12)]!;
  const serial = String(rng.int(0, 999_999)).padStart(6, '0');
  const draft = `LJ1${model.vds}0${year}${plant}${serial}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

export function vehicleFor(rng: Rng): Vehicle {
  const model = rng.pick(MODELS);
  return { vin: vin(model, rng), model: model.model, mileageKm: rng.int(3, 180) * 1000 + rng.int(0, 999) };
}

/**
 * Why a car comes in. `parts` name catalog parts (see tools/seed/src/parts-catalog.ts); those a dealer
 * does not stock make the parts shortages. `weight` is the share among workshop visits.
 */
export interface Fault {
  code: string;
  description: string;
  labor: { code: string; description: string; hours: number };
  parts: { partNumber: string; quantity: number }[];
  weight: number;
}

export const FAULTS: readonly Fault[] = [
  { code: 'MAINT_10K', description: 'Scheduled 10,000 km service', labor: { code: 'LAB-MAINT-A', description: 'Oil and filter service, inspection', hours: 1 }, parts: [{ partNumber: '1012100-OIL5W30', quantity: 5 }, { partNumber: '1012010-FLT', quantity: 1 }], weight: 34 },
  { code: 'MAINT_40K', description: 'Scheduled 40,000 km service', labor: { code: 'LAB-MAINT-C', description: 'Major service with filters and spark plugs', hours: 2.5 }, parts: [{ partNumber: '1012100-OIL5W30', quantity: 5 }, { partNumber: '1012010-FLT', quantity: 1 }, { partNumber: '1109110-AIRF', quantity: 1 }, { partNumber: '3707100-SPRK', quantity: 1 }], weight: 8 },
  { code: 'BRAKE_NOISE', description: 'Squealing from the front brakes', labor: { code: 'LAB-BRK-PAD', description: 'Replace front brake pads', hours: 1.2 }, parts: [{ partNumber: '3501110-PADF', quantity: 1 }], weight: 12 },
  { code: 'ENGINE_LIGHT', description: 'Engine warning light on', labor: { code: 'LAB-DIAG', description: 'On-board diagnosis and sensor check', hours: 0.8 }, parts: [], weight: 10 },
  { code: 'ALIGNMENT', description: 'Car pulls to the right', labor: { code: 'LAB-ALIGN', description: 'Wheel alignment', hours: 1 }, parts: [], weight: 6 },
  { code: 'BRAKE_VIBRATION', description: 'Steering wheel shakes when braking', labor: { code: 'LAB-BRK-DISC', description: 'Replace front brake discs and pads', hours: 2 }, parts: [{ partNumber: '3501075-DISC', quantity: 2 }, { partNumber: '3501110-PADF', quantity: 1 }], weight: 4 },
  { code: 'NO_START', description: 'Engine does not crank in the morning', labor: { code: 'LAB-BATT', description: 'Battery test and replacement', hours: 0.5 }, parts: [{ partNumber: '3703100-BATT', quantity: 1 }], weight: 4 },
  { code: 'OVERHEAT', description: 'Temperature gauge rises in traffic', labor: { code: 'LAB-COOL', description: 'Replace water pump, refill coolant', hours: 3 }, parts: [{ partNumber: '1307100-WPMP', quantity: 1 }, { partNumber: '1301100-COOL', quantity: 6 }], weight: 3 },
  { code: 'CLUTCH_SLIP', description: 'Clutch slips when accelerating', labor: { code: 'LAB-CLUTCH', description: 'Replace clutch kit', hours: 4 }, parts: [{ partNumber: '1601100-CLTK', quantity: 1 }], weight: 2 },
  { code: 'GEAR_GRIND', description: 'Third gear grinds and jumps out', labor: { code: 'LAB-GBX-SYN', description: 'Gearbox overhaul: 3rd gear synchronizer', hours: 6 }, parts: [{ partNumber: '1701300-SYN3', quantity: 1 }], weight: 1.5 },
  { code: 'AC_WARM', description: 'Air conditioning blows warm air', labor: { code: 'LAB-AC-COMP', description: 'Replace A/C compressor and recharge', hours: 3 }, parts: [{ partNumber: '8103100-ACMP', quantity: 1 }], weight: 1.5 },
  // Accident damage: the warranty policies exclude the fault code, whatever the parts.
  { code: 'ACCIDENT', description: 'Left headlamp broken in a parking collision', labor: { code: 'LAB-BODY-HLMP', description: 'Replace the headlamp assembly and aim it', hours: 1.5 }, parts: [{ partNumber: '4121100-HLMP', quantity: 1 }], weight: 2 },
  { code: 'SUSPENSION_KNOCK', description: 'Knocking from the front suspension on bumps', labor: { code: 'LAB-SHOCK', description: 'Replace front shock absorbers', hours: 2 }, parts: [{ partNumber: '2905100-SHKF', quantity: 2 }], weight: 2 },
];

/** A fault by its share of visits; `weights` (by fault code) replace the shares given, e.g. to test with more defects. */
export function pickFault(rng: Rng, weights: Readonly<Record<string, number>> = {}): Fault {
  return rng.weighted(FAULTS, (f) => weights[f.code] ?? f.weight)!;
}

/** The hourly labor rate a center charges (a rough level per region of the world). */
export function laborRate(country: string): number {
  const group = GROUP_BY_COUNTRY.get(country) ?? 'en';
  if (['de', 'nord', 'nl', 'fr', 'it', 'en', 'ga'].includes(group)) return 95;
  if (['zh', 'yue', 'ja', 'ko', 'sg', 'he', 'ar'].includes(group)) return 45;
  return 30;
}
