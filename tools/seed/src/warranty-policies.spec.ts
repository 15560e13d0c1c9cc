import { decideWarranty, normalizeTerms, policyIssues, type VehicleRegistration, type WarrantyPolicyView } from '@aftersales/domain-warranty';
import { FAULTS } from '../../simulator/src/people';
import { generateNetwork } from './dataset';
import { PART_BY_NUMBER, PARTS_CATALOG } from './parts-catalog';
import { CLIMATE_REGION_ID, EXTENDED_POLICY_ID, REGIONAL_POLICY_ID, WARRANTY_POLICIES } from './warranty-policies';

const views: WarrantyPolicyView[] = WARRANTY_POLICIES.map((p) => ({ ...normalizeTerms(p), id: p.id, version: 1, active: true }));

/** The decision on every item of a simulated visit for `fault`, as the workshop makes it at reception. */
function visit(faultCode: string, registration: VehicleRegistration, regionId: string, localDate = '2026-12-05', mileageKm = 30_000) {
  const fault = FAULTS.find((f) => f.code === faultCode)!;
  const items = [{ kind: 'LABOR' as const, code: fault.labor.code }, ...fault.parts.map((p) => ({ kind: 'PART' as const, code: p.partNumber }))];
  return items.map((item) => {
    const d = decideWarranty(views, registration, item, { localDate, mileageKm, regionId, faultCode });
    return `${item.code} ${d.covered ? `covered by ${d.policyId}` : d.reason}`;
  });
}

describe("the demo's warranty policies", () => {
  const young: VehicleRegistration = { saleDate: '2025-06-01', odometerAtSaleKm: 20, extensions: [] };
  const old: VehicleRegistration = { saleDate: '2022-09-01', odometerAtSaleKm: 20, extensions: [] };

  it('are valid terms: a basic, an extended and a regional one for a region of the demo network', () => {
    for (const p of WARRANTY_POLICIES) expect({ id: p.id, issues: policyIssues(p) }).toEqual({ id: p.id, issues: [] });
    expect(WARRANTY_POLICIES.map((p) => p.kind).sort()).toEqual(['BASIC', 'EXTENDED', 'REGIONAL']);
    expect(WARRANTY_POLICIES.find((p) => p.kind === 'BASIC')).toMatchObject({ months: 36, kilometres: 100_000 });
    expect(generateNetwork().regions.map((r) => r.id)).toContain(CLIMATE_REGION_ID);
  });

  it('name only parts of the catalog and labor operations and fault codes the simulator uses', () => {
    const labor = new Set(FAULTS.map((f) => f.labor.code));
    const faults = new Set(FAULTS.map((f) => f.code));
    for (const p of WARRANTY_POLICIES) {
      for (const g of [...p.partGroups, ...p.exclusions.partGroups].filter((x) => x !== 'ALL')) {
        expect({ group: g, parts: PARTS_CATALOG.some((c) => c.partNumber.startsWith(g)) }).toEqual({ group: g, parts: true });
      }
      for (const op of [...p.laborOperations, ...p.exclusions.laborOperations].filter((x) => x !== 'ALL')) expect({ op, used: labor.has(op) }).toEqual({ op, used: true });
      for (const code of p.exclusions.faultCodes) expect({ code, used: faults.has(code) }).toEqual({ code, used: true });
    }
    expect(PART_BY_NUMBER.has('4121100-HLMP')).toBe(true);
  });

  it('cover the defects of a young car and leave out wear, maintenance and accident damage', () => {
    expect(visit('ENGINE_LIGHT', young, 'rg-chn')).toEqual(['LAB-DIAG covered by wp-basic']);
    expect(visit('GEAR_GRIND', young, 'rg-chn')).toEqual(['LAB-GBX-SYN covered by wp-basic', '1701300-SYN3 covered by wp-basic']);
    expect(visit('BRAKE_NOISE', young, 'rg-chn')).toEqual(['LAB-BRK-PAD EXCLUDED', '3501110-PADF EXCLUDED']);
    expect(visit('MAINT_10K', young, 'rg-chn')).toEqual(['LAB-MAINT-A EXCLUDED', '1012100-OIL5W30 EXCLUDED', '1012010-FLT EXCLUDED']);
    expect(visit('ACCIDENT', young, 'rg-chn')).toEqual(['LAB-BODY-HLMP EXCLUDED', '4121100-HLMP EXCLUDED']);
    expect(visit('ENGINE_LIGHT', young, 'rg-chn', '2026-12-05', 100_021)).toEqual(['LAB-DIAG EXPIRED_BY_MILEAGE']);
  });

  it('past the basic warranty: the extension bought covers the powertrain, the climate cover the cooling in its region only', () => {
    // The closest miss is the climate cover, which would cover it in the Middle East.
    expect(visit('OVERHEAT', old, 'rg-chn')).toEqual(['LAB-COOL OUTSIDE_REGION', '1307100-WPMP OUTSIDE_REGION', '1301100-COOL OUTSIDE_REGION']);
    const extended = { ...old, extensions: [{ policyId: EXTENDED_POLICY_ID, purchaseDate: '2022-09-01' }] };
    expect(visit('OVERHEAT', extended, 'rg-chn')).toEqual([`LAB-COOL covered by ${EXTENDED_POLICY_ID}`, `1307100-WPMP covered by ${EXTENDED_POLICY_ID}`, `1301100-COOL covered by ${EXTENDED_POLICY_ID}`]);
    expect(visit('SUSPENSION_KNOCK', extended, 'rg-chn')).toEqual(['LAB-SHOCK EXPIRED_BY_DATE', '2905100-SHKF EXPIRED_BY_DATE']);
    expect(visit('AC_WARM', old, CLIMATE_REGION_ID)).toEqual([`LAB-AC-COMP covered by ${REGIONAL_POLICY_ID}`, `8103100-ACMP covered by ${REGIONAL_POLICY_ID}`]);
    expect(visit('AC_WARM', old, 'rg-weu')).toEqual(['LAB-AC-COMP OUTSIDE_REGION', '8103100-ACMP OUTSIDE_REGION']);
  });
});
