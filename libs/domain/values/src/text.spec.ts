import { normalizeText, textIssue } from './text';

const rule = (kind: Parameters<typeof textIssue>[0], value: unknown) => textIssue(kind, value)?.rule;

describe('names', () => {
  it('accepts names of every script with the punctuation names carry', () => {
    for (const name of [
      'Ana Souza', "Seán O'Brien", 'María-José Pérez y Sánchez', "D´Ávila", "'t Hooft", 'João da Silva Jr.', 'Zoë Saldaña-Müller',
      '张伟', '约翰·史密斯', 'ジョン・スミス', '김민준', 'Иванов Иван Иванович', 'Ёлкина-Щербакова', 'محمد عبد الله', 'مُحَمَّد',
      'דוד כ״ץ', 'राहुल शर्मा', 'สมชาย ใจดี', 'Nguyễn Văn An', 'Ζωή Παπαδοπούλου', 'Αλέξανδρος', 'Kʻalani', 'فرزانه\u200Cای',
      'Transportes Silva & Filhos Ltda.', 'After-sales (Region 3) / Quality', 'Louis "Lou" Martin', '张伟（先生）', '王芳、李娜',
    ]) {
      expect([name, rule('name', name)]).toEqual([name, undefined]);
    }
  });

  it('refuses markup, naming it, whatever the disguise', () => {
    for (const name of [
      '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'Ana <b>Souza</b>', 'Ana>', '＜script＞', '&lt;script&gt;alert(1)&lt;/script&gt;',
      '&#60;img&#62;', 'javascript:alert(1)', 'x onerror=alert(1)', '{{constructor.constructor("alert(1)")()}}', '${7*7}',
    ]) {
      expect([name, rule('name', name)]).toEqual([name, 'noMarkup']);
    }
  });

  it('refuses control characters, line breaks and bidirectional overrides', () => {
    for (const name of ['Ana\u0000Souza', 'Ana\nSouza', 'Ana\tSouza', 'Ana\u202ESouza', 'Ana\u2066Souza', '\u007FAna', 'Ana\u0085']) {
      expect(rule('name', name)).toBe('noControlCharacters');
    }
  });

  it('refuses what no name holds: formulas, symbols, no letter at all', () => {
    for (const name of ['=HYPERLINK("http://x","y")', '@SUM(A1:A2)', '+1 Ana', 'Ana; DROP', 'Ana_Souza', '12345', '...']) {
      expect([name, rule('name', name)]).toEqual([name, 'nameCharacters']);
    }
  });

  it('trims single-line fields and keeps free text as typed', () => {
    expect(normalizeText('name', '  Ana Souza ')).toBe('Ana Souza');
    expect(normalizeText('freeText', '  line 1\n  line 2 ')).toBe('  line 1\n  line 2 ');
    expect(normalizeText('name', null)).toBeNull();
  });
});

describe('phone-like fields', () => {
  it('accepts phone numbers as typed, with an extension', () => {
    for (const phone of ['+55 11 98765-4321', '(011) 98765-4321', '138 0013 8000', '+7 (495) 123-45-67', '+1 212.555.0100 x12', '020 7946 0958 ext. 3', '٠١٢٣٤٥٦٧٨٩']) {
      expect([phone, rule('phone', phone)]).toEqual([phone, undefined]);
    }
  });

  it('refuses markup, control characters and letters', () => {
    expect(rule('phone', '<script>1</script>')).toBe('noMarkup');
    expect(rule('phone', '+55 11\n98765')).toBe('noControlCharacters');
    expect(rule('phone', '=1+2')).toBe('phoneCharacters');
    expect(rule('phone', 'call me')).toBe('phoneCharacters');
  });
});

describe('code-like fields', () => {
  it('accepts codes, numbers and plate numbers of every country', () => {
    for (const code of ['PN-0001', 'ENGINE_NOISE', 'P0301', 'RO-2026-000123', '京A·12345', 'А123ВС 77', 'AB-123-CD', 'B 1234 XYZ', '12/34:56#7', 'oil filter']) {
      expect([code, rule('code', code)]).toEqual([code, undefined]);
    }
  });

  it('refuses markup, control characters, formulas and other symbols', () => {
    expect(rule('code', '<img src=x onerror=alert(1)>')).toBe('noMarkup');
    expect(rule('code', 'PN\u00000001')).toBe('noControlCharacters');
    for (const code of ['=1+1', '-PN', '@SUM(A1)', 'PN 1; 2', '"PN"', 'PN(1)']) expect([code, rule('code', code)]).toEqual([code, 'codeCharacters']);
  });
});

describe('single lines (contacts, addresses)', () => {
  it('hold any character but markup and control characters', () => {
    expect(rule('line', 'Rua Augusta, 1500 — apto. 12; São Paulo (SP) ana@example.com #3')).toBeUndefined();
    expect(rule('line', 'Ana <img src=x onerror=alert(1)>')).toBe('noMarkup');
    expect(rule('line', 'Rua Augusta\n1500')).toBe('noControlCharacters');
  });
});

describe('free text', () => {
  it('keeps markup, line breaks and tabs as plain text: it is never rendered as HTML', () => {
    for (const text of ['The <b>engine</b> rattles\r\nsince Monday', 'pressure < 2 bar > normal', '=SUM(A1) is what the dealer wrote', 'Пробег\t120 000 км', '发动机异响，<script>alert(1)</script>']) {
      expect(rule('freeText', text)).toBeUndefined();
    }
  });

  it('refuses control characters other than tab and line breaks', () => {
    expect(rule('freeText', 'engine\u0000noise')).toBe('noControlCharacters');
    expect(rule('freeText', 'bell\u0007')).toBe('noControlCharacters');
    expect(rule('freeText', 'esc\u001B[31m')).toBe('noControlCharacters');
  });
});
