import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { flattenValidationErrors } from './errors';
import { IsCode, IsDecimal, IsEmailAddress, IsPersonName, IsPhoneText, IsPlainLine, IsPlainText, IsVin } from './values';

class Input {
  @IsOptional() @IsVin() vin?: string;
  @IsOptional() @IsPersonName() name?: string;
  @IsOptional() @IsPhoneText() phone?: string;
  @IsOptional() @IsCode() code?: string;
  @IsOptional() @IsPlainLine() contact?: string;
  @IsOptional() @IsPlainText() notes?: string;
  @IsOptional() @IsPlainLine({ each: true }) tools?: string[];
  @IsOptional() @IsDecimal(2) amount?: number;
  @IsOptional() @IsEmailAddress() email?: string;
}

function check(plain: Record<string, unknown>) {
  const instance = plainToInstance(Input, plain);
  return { instance, issues: flattenValidationErrors(validateSync(instance)).map((e) => `${e.field}:${e.rule}`) };
}

describe('shared input decorators', () => {
  it('hand the normalized VIN and trimmed single-line values to the handler, free text as typed', () => {
    const { instance, issues } = check({ vin: ' lj12ekr2-3n4000001 ', name: '  Seán O’Brien ', phone: ' +55 11 98765-4321 ', code: ' PN-0001 ', notes: '  as typed\n' });
    expect(issues).toEqual([]);
    expect(instance).toMatchObject({ vin: 'LJ12EKR23N4000001', name: 'Seán O’Brien', phone: '+55 11 98765-4321', code: 'PN-0001', notes: '  as typed\n' });
  });

  it('report one issue per field, named by the rule it breaks', () => {
    expect(check({ vin: 'lj12ekr2-5n4000001' }).issues).toEqual(['vin:vinCheckDigit']);
    expect(check({ vin: 'LJ12EKR23N400000' }).issues).toEqual(['vin:vinLength']);
    expect(check({ vin: 'LJ12EKR23N400000O' }).issues).toEqual(['vin:vinCharacters']);
    expect(check({ vin: 42 }).issues).toEqual(['vin:vinLength']);
    expect(check({ name: '<script>alert(1)</script>', phone: 'x<y', code: '=1+1', contact: 'a\nb', notes: 'a\u0000b' }).issues).toEqual([
      'name:noMarkup',
      'phone:noMarkup',
      'code:codeCharacters',
      'contact:noControlCharacters',
      'notes:noControlCharacters',
    ]);
    expect(check({ tools: ['jack', '<img src=x onerror=alert(1)>'] }).issues).toEqual(['tools:noMarkup']);
  });

  it('say what is accepted in the message', () => {
    const [error] = validateSync(plainToInstance(Input, { vin: '1M8GDM9A1KP042788' }));
    expect(Object.values(error.constraints ?? {})).toEqual([expect.stringContaining('must be X')]);
  });

  // Found by fuzzing (issue 18): class-validator's maxDecimalPlaces threw on numbers printed in exponent form.
  it('refuse an amount with more decimals than allowed, tiny, huge or not a number, and never throw', () => {
    for (const amount of [0, 12.5, 99.99, 1e21, 10_000_000]) expect(check({ amount }).issues).toEqual([]);
    for (const amount of [5e-324, -6e-323, 1.5e-302, 0.001, 12.345, 0.1 + 0.2]) expect(check({ amount }).issues).toEqual(['amount:maxDecimalPlaces']);
    for (const amount of [Number.POSITIVE_INFINITY, Number.NaN, '12']) expect(check({ amount }).issues).toEqual(['amount:isNumber']);
  });

  // Found by fuzzing (issue 18): validator's isEmail threw a URIError on an unpaired surrogate.
  it('refuse an e-mail with an unpaired surrogate as ill-formed, and never throw', () => {
    expect(check({ email: 'li.wei@example.cn' }).issues).toEqual([]);
    expect(check({ email: 'ünïcødé@exämple.рф' }).issues).toEqual([]);
    for (const email of ['\ud800', '\udfff\ud800', 'li\ud800@example.cn']) expect(check({ email }).issues).toEqual(['email:wellFormed']);
    for (const email of ['a@b', '@example.com', '🚗']) expect(check({ email }).issues).toEqual(['email:isEmail']);
  });
});
