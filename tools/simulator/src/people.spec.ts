import { normalizePhone } from '@aftersales/domain-calls';
import { vinIssues } from '@aftersales/values';
import { generateNetwork } from '../../seed/src/dataset';
import { PART_BY_NUMBER } from '../../seed/src/parts-catalog';
import { customerFor, customerLanguage, FAULTS, pickFault, vehicleFor } from './people';
import { Rng } from './rng';

describe('simulated customers and vehicles', () => {
  const centers = generateNetwork().centers;

  it('have a valid phone number of the center’s country, in every country of the network', () => {
    const rng = new Rng(3);
    const byCountry = new Map(centers.map((c) => [c.country, c]));
    for (const c of byCountry.values()) {
      const customer = customerFor(c, rng);
      const parsed = normalizePhone(customer.phone, customer.country);
      expect({ country: c.country, ok: 'e164' in parsed }).toEqual({ country: c.country, ok: true });
      expect(customer.name.trim().length).toBeGreaterThan(2);
    }
  });

  it('drive the brand’s cars: Chinese VINs whose check digit the call center verifies', () => {
    const rng = new Rng(4);
    for (let i = 0; i < 500; i++) expect(vinIssues(vehicleFor(rng).vin)).toEqual([]);
  });

  it('speak the survey languages where the country does, English elsewhere', () => {
    expect(customerLanguage('CN')).toBe('zh-CN');
    expect(customerLanguage('BR')).toBe('pt-BR');
    expect(customerLanguage('RU')).toBe('ru');
    expect(customerLanguage('SA')).toBe('ar');
    expect(customerLanguage('DE')).toBe('en');
  });

  it('mostly have an e-mail missing, so the call center can take their survey', () => {
    const rng = new Rng(8);
    const withEmail = Array.from({ length: 2000 }, () => customerFor(centers[10]!, rng)).filter((c) => c.email).length;
    expect(withEmail / 2000).toBeGreaterThan(0.2);
    expect(withEmail / 2000).toBeLessThan(0.3);
  });
});

describe('faults', () => {
  it('name only parts of the catalog', () => {
    for (const f of FAULTS) for (const p of f.parts) expect(PART_BY_NUMBER.has(p.partNumber)).toBe(true);
  });

  it('are mostly routine work a dealer has the parts for, some need parts from the regional or HQ center', () => {
    const rng = new Rng(12);
    let shortProne = 0;
    const n = 5000;
    for (let i = 0; i < n; i++) if (pickFault(rng).parts.some((p) => PART_BY_NUMBER.get(p.partNumber)!.stocking !== 'DEALER')) shortProne++;
    expect(shortProne / n).toBeGreaterThan(0.08);
    expect(shortProne / n).toBeLessThan(0.25);
  });
});
