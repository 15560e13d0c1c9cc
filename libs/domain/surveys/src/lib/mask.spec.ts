import fc from 'fast-check';
import { maskContactData } from './mask';
import { deterministicUuid, issueToken, parseToken, secretMatches } from './token';

describe('verbatim masking', () => {
  it('hides e-mails, phone numbers in several notations and VINs', () => {
    const text = 'Call me on +55 11 98765-4321 or (11) 3333-4444, mail joao.silva@example.com.br. Car LJ12EKR18M4700123.';
    const masked = maskContactData(text, 'BR');
    expect(masked).toBe('Call me on [phone] or [phone], mail [email]. Car [vin].');
  });

  it('hides Chinese mobile numbers written with spaces', () => {
    expect(maskContactData('电话 138 0013 8000 谢谢', 'CN')).toBe('电话 [phone] 谢谢');
  });

  it('keeps ordinary text, short numbers and dates', () => {
    expect(maskContactData('Waited 45 minutes on 2025-06-01, 3 stars.', 'CN')).toBe('Waited 45 minutes on 2025-06-01, 3 stars.');
  });

  it('a date next to a phone number does not shield the number', () => {
    expect(maskContactData('2025-06-01 13800138000', 'CN')).toBe('2025-06-01 [phone]');
  });

  it('never leaves a run of 7 digits or an @ address behind', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[0-9]{7,12}$/), fc.emailAddress(), fc.string(), (a, digits, email, b) => {
        const masked = maskContactData(`${a} ${digits} ${email} ${b}`);
        expect(masked).not.toContain(digits);
        expect(masked).not.toContain(email);
      }),
    );
  });
});

describe('tokens', () => {
  it('round-trips the invitation id and checks the secret against its hash', () => {
    const { token, secretHash } = issueToken('VEHICLE_DELIVERED:ro-1');
    const parsed = parseToken(token)!;
    expect(parsed.invitationId).toBe('VEHICLE_DELIVERED:ro-1');
    expect(secretMatches(parsed.secret, secretHash)).toBe(true);
    expect(secretMatches(parsed.secret.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), secretHash)).toBe(false);
    expect(parseToken('not-a-token')).toBeNull();
  });

  it('derives stable UUID v4-shaped event ids', () => {
    expect(deterministicUuid('x')).toBe(deterministicUuid('x'));
    expect(deterministicUuid('x')).not.toBe(deterministicUuid('y'));
    expect(deterministicUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
