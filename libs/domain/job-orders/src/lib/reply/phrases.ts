/**
 * Phrase rules for the seed's not-accepted replies (002 ch. III s. II), in English, Portuguese,
 * Spanish, Chinese and Russian. Texts and patterns are compared after `normalizeText` (compatibility
 * decomposition, accents removed, lower case), so "já contatado" and "ja contatado" match alike.
 */
export const LANGUAGES = ['en', 'pt', 'es', 'zh', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export const NOT_ACCEPTED_KINDS = [
  'INCOMPLETE',
  'NOT_FINAL',
  'NOT_ANSWERING',
  'DENIAL_WITHOUT_COMMUNICATION',
  'IRRELEVANT_EXCUSE',
  'PROCEDURE_WITHOUT_RESULT',
] as const;
export type NotAcceptedKind = (typeof NOT_ACCEPTED_KINDS)[number];

/**
 * Kinds found by phrases (INCOMPLETE also comes from missing elements, see the checker; NOT_FINAL and
 * PROCEDURE_WITHOUT_RESULT are judged per sentence in `finality.ts`).
 */
export type PhraseKind = 'INCOMPLETE' | 'NOT_ANSWERING' | 'DENIAL_WITHOUT_COMMUNICATION' | 'EXCUSE';

export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface PhraseRule {
  kind: PhraseKind;
  language: Language;
  pattern: RegExp;
}

export interface ExcuseRule extends PhraseRule {
  kind: 'EXCUSE';
  /** What the excuse is about; the excuse is irrelevant when the complaint never mentions it. */
  topic: RegExp;
}

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';

/** Alphabetic languages match whole words; Chinese has no word separators. */
function rule(language: Language, kind: PhraseKind, body: string): PhraseRule {
  const source = body.normalize('NFKD').replace(/\p{M}/gu, '');
  const wrapped = language === 'zh' ? source : `${NOT_LETTER_BEFORE}(?:${source})${NOT_LETTER_AFTER}`;
  return { kind, language, pattern: new RegExp(wrapped, 'u') };
}

function excuse(language: Language, body: string, topic: string): ExcuseRule {
  return { ...rule(language, 'EXCUSE', body), kind: 'EXCUSE', topic: new RegExp(topic.normalize('NFKD').replace(/\p{M}/gu, ''), 'u') };
}

/** Cyrillic-aware "rest of the word" (JS `\w` is ASCII only). */
const W = '\\p{L}*';

type Table = Partial<Record<Exclude<PhraseKind, 'EXCUSE'>, string[]>>;

const TABLES: Record<Language, Table> = {
  en: {
    NOT_ANSWERING: [
      'recommend(?:ed|s)? .{0,40}(?:department|dept)',
      '(?:already )?report(?:ed)? to .{0,40}(?:department|dept)',
      '(?:company )?management (?:problem|issue)',
      'not our (?:department|business)',
    ],
    DENIAL_WITHOUT_COMMUNICATION: [
      '(?:do|does|will) not supply',
      "(?:don't|doesn't|cannot|can't|won't) supply",
      'cannot be licen[cs]ed',
      'no longer (?:produced|available|supplied|supported)',
      'not (?:possible|able) to (?:supply|provide|license|register)',
    ],
    INCOMPLETE: ['done', 'ok', 'okay', 'solved', 'fixed', 'finished', 'completed', 'handled', 'resolved', 'closed'],
  },
  pt: {
    NOT_ANSWERING: [
      'recomend\\w* .{0,40}departamento',
      '(?:ja )?(?:reportado|encaminhado|informado|repassado) (?:ao|para o|a) .{0,30}departamento',
      'problema de (?:gestao|administracao)',
    ],
    DENIAL_WITHOUT_COMMUNICATION: [
      'nao (?:fornecemos|fornece|vendemos|temos esse tipo de)',
      'nao (?:pode|podera) ser (?:licenciado|emplacado)',
      'fora de linha',
      'nao e possivel (?:fornecer|licenciar|emplacar)',
    ],
    INCOMPLETE: ['feito', 'ok', 'resolvido', 'concluido', 'pronto', 'finalizado', 'solucionado', 'tratado'],
  },
  es: {
    NOT_ANSWERING: [
      'recomend\\w* .{0,40}departamento',
      '(?:ya )?(?:reportado|informado|remitido|derivado|enviado) al? .{0,30}departamento',
      'problema de (?:gestion|administracion)',
    ],
    DENIAL_WITHOUT_COMMUNICATION: [
      'no (?:suministramos|suministra|vendemos|tenemos este tipo de)',
      'no (?:se )?puede (?:ser )?(?:matricular|matriculado|homologar)',
      'ya no se (?:fabrica|suministra)',
      'no es posible (?:suministrar|matricular)',
    ],
    INCOMPLETE: ['hecho', 'listo', 'resuelto', 'solucionado', 'terminado', 'ok', 'finalizado', 'completado'],
  },
  zh: {
    NOT_ANSWERING: ['建议.{0,15}部门', '已(?:经)?(?:上报|反馈|报告|转交)(?:给|至|到)?.{0,10}部门', '公司管理问题'],
    DENIAL_WITHOUT_COMMUNICATION: ['(?:不|没有)(?:供应|提供)(?:此|这|该)?(?:种|类)?(?:配件|备件|零件)', '(?:无法|不能)上牌', '已停产'],
    INCOMPLETE: ['完成', '已完成', '已处理', '好了', '处理完毕', '已办结', '已解决', 'ok'],
  },
  ru: {
    NOT_ANSWERING: [
      `рекоменд${W} .{0,40}(?:отдел${W}|департамент${W})`,
      `(?:уже )?(?:сообщил${W}|передал${W}|доложил${W}) .{0,30}(?:отдел${W}|департамент${W})`,
      `проблема (?:управления|менеджмента)`,
    ],
    DENIAL_WITHOUT_COMMUNICATION: [
      `(?:не|нельзя) (?:поставля${W}|поставим|предоставля${W})`,
      `не (?:может|можем) быть зарегистрирован${W}`,
      `снят${W} с производства`,
    ],
    INCOMPLETE: ['сделано', 'готово', 'решено', 'выполнено', 'исправлено', 'ок', 'устранено'],
  },
};

const EXCUSES: ExcuseRule[] = [
  excuse('en', '(?:out of|beyond|outside(?: of)?) (?:the )?warranty|warranty (?:has )?(?:expired|ended)|not covered by (?:the )?warranty', 'warrant'),
  excuse('pt', 'fora (?:da|de) garantia|garantia (?:expirada|vencida|expirou|venceu)', 'garantia'),
  excuse('es', 'fuera de (?:la )?garantia|garantia (?:vencida|caducada|expirada)', 'garantia'),
  excuse('zh', '(?:已)?(?:过|超出|超过)(?:了)?(?:保修期|质保期)|不在(?:保修|质保)(?:范围|期)', '保修|质保|三包'),
  excuse('ru', `(?:истек${W}|вне|закончил${W}) ?(?:срок${W})? ?гаранти${W}|срок${W} гаранти${W} (?:истек${W}|закончил${W})|гарантия (?:истекла|закончилась)|не гарантийн${W}`, 'гаранти'),
];

/** INCOMPLETE words are whole replies ("done"), not phrases inside a longer text. */
const TRIVIAL: { language: Language; words: Set<string> }[] = LANGUAGES.map((language) => ({
  language,
  words: new Set((TABLES[language].INCOMPLETE ?? []).map((w) => normalizeText(w))),
}));

export const PHRASE_RULES: PhraseRule[] = LANGUAGES.flatMap((language) =>
  (Object.entries(TABLES[language]) as [Exclude<PhraseKind, 'EXCUSE'>, string[]][])
    .filter(([kind]) => kind !== 'INCOMPLETE')
    .flatMap(([kind, bodies]) => bodies.map((body) => rule(language, kind, body))),
);

export const EXCUSE_RULES: readonly ExcuseRule[] = EXCUSES;

export interface PhraseMatch {
  kind: PhraseKind;
  language: Language;
  phrase: string;
}

/** Every rule of `kind` that matches the (normalized) text, one match per rule. */
export function findPhrases(normalized: string, kind: PhraseKind): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const r of kind === 'EXCUSE' ? EXCUSE_RULES : PHRASE_RULES) {
    if (r.kind !== kind) continue;
    const m = r.pattern.exec(normalized);
    if (m) out.push({ kind, language: r.language, phrase: m[0] });
  }
  return out;
}

/** A reply that is nothing but "done" / "feito" / "已完成" / "сделано" (punctuation aside). */
export function trivialReply(normalized: string): PhraseMatch | null {
  const bare = normalized.replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
  if (!bare) return null;
  for (const { language, words } of TRIVIAL) {
    if (words.has(bare)) return { kind: 'INCOMPLETE', language, phrase: bare };
  }
  return null;
}

export function excusesOffTopic(normalizedReply: string, normalizedComplaint: string): PhraseMatch[] {
  return EXCUSE_RULES.flatMap((r) => {
    const m = r.pattern.exec(normalizedReply);
    return m && !r.topic.test(normalizedComplaint) ? [{ kind: 'EXCUSE' as const, language: r.language, phrase: m[0] }] : [];
  });
}
