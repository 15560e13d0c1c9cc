import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { maskEmail, maskForLog, maskName, maskPhone, maskText } from './mask';

const CUSTOMER = { name: 'Wenceslau Quixadá', phone: '+8613912345678', email: 'wenceslau.quixada@example.cn' };

describe('masking customer data in log lines', () => {
  it('masks phones, e-mails and names in the documented shapes', () => {
    expect(maskPhone('+8613912345678')).toBe('+86******5678');
    expect(maskPhone('+55 (11) 91234-5678')).toBe('+55******5678');
    expect(maskEmail('wang@example.cn')).toBe('w***@example.cn');
    expect(maskEmail('Ли@пример.рф')).toBe('Л***@пример.рф');
    expect(maskName('王小明')).toBe('王***');
    expect(maskName('  María José ')).toBe('M***');
  });

  it('masks by key at any depth, in arrays and in errors, and leaves the rest as it was', () => {
    const error = Object.assign(new Error(`duplicate key: { phone: "${CUSTOMER.phone}", email: "${CUSTOMER.email}" }`), { customer: CUSTOMER });
    const masked = maskForLog({ input: { customer: CUSTOMER, vin: 'LJ12EKR24N4000007', phones: ['+5511912345678'] }, jobOrderId: 'jo-1', count: 3, err: error });
    const text = JSON.stringify(masked);
    for (const secret of [CUSTOMER.name, CUSTOMER.phone, CUSTOMER.email, '+5511912345678', 'Wenceslau']) expect(text).not.toContain(secret);
    expect(masked.input.customer).toEqual({ name: 'W***', phone: '+86******5678', email: 'w***@example.cn' });
    expect(masked.input.vin).toBe('LJ12EKR24N4000007');
    expect(masked).toMatchObject({ jobOrderId: 'jo-1', count: 3 });
    expect(text).toContain('+86******5678');
  });

  it('masks phones and e-mails in free text but not dates, ids or amounts', () => {
    expect(maskText(`call from +86 139 1234 5678 about ${CUSTOMER.email}`)).toBe('call from +86******5678 about w***@example.cn');
    const plain = 'job order jo-2026-000123 due 2026-12-05T07:01:55.000Z, 1234.50 EUR';
    expect(maskText(plain)).toBe(plain);
  });

  it('is what every service logger writes: fields and message alike', () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((out += chunk.toString()), done()) });
    const service = createLogger('test', 'debug', sink);
    service.info({ customer: CUSTOMER }, `customer ${CUSTOMER.email} called from ${CUSTOMER.phone}`);
    service.error({ err: new Error(`no survey for ${CUSTOMER.email}`) }, 'failed');
    service.warn(`%s wrote`, CUSTOMER.email);
    expect(out).toContain('w***@example.cn');
    for (const secret of [CUSTOMER.name, CUSTOMER.phone, CUSTOMER.email]) expect(out).not.toContain(secret);
  });
});
