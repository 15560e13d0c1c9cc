import type { WarrantyTerms } from '@aftersales/domain-warranty';

/**
 * HQ's warranty policies of the demo network, written by `seedServices` (setWarrantyPolicy: the same
 * terms again change nothing, so every start may write them). Neither DOMAIN.md nor the seeds give
 * terms, so the BASIC one is the common market default of 36 months / 100,000 km. Codes are those of
 * the demo parts catalog (part-number prefixes: `3501110` is the front brake pad set) and of the
 * simulator's faults (labor operations, repair-order fault codes), so a simulated visit gets items
 * covered, excluded (wear, maintenance, accident damage) and expired.
 */
export interface SeedWarrantyPolicy extends WarrantyTerms {
  id: string;
}

/** Wear and maintenance parts: pads, discs, wipers, oil, filters, spark plugs, clutch kit. */
const WEAR_PARTS = ['3501110', '3501120', '3501075', '5205100', '1012100', '1012010', '1109110', '8104110', '3707100', '1601100'];
/** Services and wear repairs the customer pays for. */
const WEAR_LABOR = ['LAB-MAINT-A', 'LAB-MAINT-C', 'LAB-BRK-PAD', 'LAB-BRK-DISC', 'LAB-ALIGN', 'LAB-CLUTCH'];
/** Damage from an outside cause is never a defect. */
const ACCIDENT_FAULTS = ['ACCIDENT'];

export const BASIC_POLICY_ID = 'wp-basic';
export const EXTENDED_POLICY_ID = 'wp-extended';
export const REGIONAL_POLICY_ID = 'wp-mde-climate';
/** The region whose climate cover the demo seeds (Middle East: cooling and A/C fail in the heat). */
export const CLIMATE_REGION_ID = 'rg-mde';

export const WARRANTY_POLICIES: readonly SeedWarrantyPolicy[] = [
  {
    id: BASIC_POLICY_ID,
    kind: 'BASIC',
    name: 'Basic warranty 36 months / 100,000 km',
    months: 36,
    kilometres: 100_000,
    partGroups: ['ALL'],
    laborOperations: ['ALL'],
    regionIds: [],
    exclusions: { partGroups: WEAR_PARTS, laborOperations: WEAR_LABOR, faultCodes: ACCIDENT_FAULTS },
  },
  {
    // Sold by the dealer: powertrain for five years; it counts only once the basic one no longer covers.
    id: EXTENDED_POLICY_ID,
    kind: 'EXTENDED',
    name: 'Extended powertrain warranty 60 months / 150,000 km',
    months: 60,
    kilometres: 150_000,
    // Engine, intake and turbo, cooling, gearbox, engine control.
    partGroups: ['10', '11', '13', '17', '3610'],
    laborOperations: ['LAB-DIAG', 'LAB-COOL', 'LAB-GBX-SYN'],
    regionIds: [],
    exclusions: { partGroups: WEAR_PARTS, laborOperations: [], faultCodes: ACCIDENT_FAULTS },
  },
  {
    id: REGIONAL_POLICY_ID,
    kind: 'REGIONAL',
    name: 'Hot-climate cooling and A/C cover 60 months / 150,000 km',
    months: 60,
    kilometres: 150_000,
    // Cooling system (water pump, coolant) and the A/C compressor.
    partGroups: ['13', '8103100'],
    laborOperations: ['LAB-COOL', 'LAB-AC-COMP'],
    regionIds: [CLIMATE_REGION_ID],
    exclusions: { partGroups: [], laborOperations: [], faultCodes: ACCIDENT_FAULTS },
  },
];
