import type { AFlag, ComplaintClass, ComplaintType } from './model';
import type { RepeatMatch } from './repeat';

/**
 * Keyword rules per A flag, in the languages of the network's markets. A trailing `*` matches any
 * word ending (injur* -> injured, injuries); Latin and Cyrillic words match whole words only, so
 * "fire" does not fire on "fired"; CJK and Arabic terms match as substrings (no spaces between words).
 * They only propose: the receiver confirms or overrides the class.
 */
export const A_KEYWORDS: Record<AFlag, Record<string, string[]>> = {
  MEDIA_THREAT: {
    en: ['media', 'journalist*', 'newspaper*', 'reporter*', 'television', 'tv station', 'social media', 'go public', 'post it online'],
    zh: ['媒体', '记者', '曝光', '电视台', '报社', '微博', '抖音'],
    pt: ['imprensa', 'jornalista*', 'mídia', 'reclame aqui', 'redes sociais', 'televisão'],
    es: ['prensa', 'periodista*', 'medios de comunicación', 'redes sociales', 'televisión'],
    fr: ['presse', 'journaliste*', 'médias', 'réseaux sociaux'],
    ru: ['сми', 'журналист*', 'пресс*', 'телевидени*'],
    ar: ['صحافة', 'صحفي', 'إعلام', 'وسائل التواصل'],
  },
  SIGNIFICANT_EXPOSURE: {
    en: ['viral', 'went viral', 'trending', 'million views', 'thousands of shares'],
    zh: ['热搜', '大量转发', '刷屏', '舆情'],
    pt: ['viralizou', 'viral'],
    es: ['viral', 'se hizo viral'],
    fr: ['viral', 'buzz'],
    ru: ['вирусн*'],
    ar: ['انتشر على نطاق واسع'],
  },
  GOVERNMENT_INVESTIGATION: {
    en: ['government', 'regulator*', 'authorit*', 'investigation', 'lawsuit', 'sue', 'court', 'police', 'consumer protection'],
    zh: ['政府', '监管', '调查', '消协', '起诉', '法院', '工商', '警察'],
    pt: ['procon', 'governo', 'investigação', 'processo judicial', 'tribunal', 'polícia', 'justiça'],
    es: ['gobierno', 'investigación', 'demanda', 'tribunal', 'profeco', 'policía'],
    fr: ['gouvernement', 'enquête', 'tribunal', 'police', 'plainte'],
    ru: ['правительств*', 'расследовани*', 'суд', 'полици*', 'роспотребнадзор'],
    ar: ['حكومة', 'تحقيق', 'محكمة', 'شرطة'],
  },
  SAFETY_ACCIDENT: {
    en: ['accident', 'crash*', 'injur*', 'killed', 'death', 'brake failure', 'brakes failed', 'airbag*', 'lost control'],
    zh: ['事故', '受伤', '死亡', '刹车失灵', '安全气囊', '失控'],
    pt: ['acidente', 'ferid*', 'morte', 'freio falhou', 'freios falharam', 'airbag'],
    es: ['accidente', 'herid*', 'muerte', 'frenos fallaron', 'choque'],
    fr: ['accident', 'blessé*', 'décès', 'freins ont lâché'],
    ru: ['авари*', 'травм*', 'дтп', 'погиб*'],
    ar: ['حادث', 'إصابة', 'وفاة'],
  },
  FIRE: {
    en: ['fire', 'caught fire', 'burn*', 'flames', 'smoke'],
    zh: ['起火', '着火', '自燃', '烧毁', '冒烟', '火灾'],
    pt: ['incêndio', 'pegou fogo', 'fogo', 'fumaça', 'chamas'],
    es: ['incendio', 'fuego', 'humo', 'llamas'],
    fr: ['incendie', 'feu', 'fumée', 'flammes'],
    ru: ['пожар', 'возгорани*', 'дым', 'загорел*'],
    ar: ['حريق', 'اشتعال', 'دخان'],
  },
};

export interface KeywordHit {
  flag: AFlag;
  language: string;
  keyword: string;
}

const WORD_SCRIPTS = new Set(['en', 'pt', 'es', 'fr', 'ru']);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(keyword: string, language: string): RegExp {
  const prefix = keyword.endsWith('*');
  const body = escape(prefix ? keyword.slice(0, -1) : keyword).replace(/ /g, '\\s+');
  if (!WORD_SCRIPTS.has(language)) return new RegExp(body, 'u');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'u');
}

const RULES = Object.entries(A_KEYWORDS).flatMap(([flag, byLanguage]) =>
  Object.entries(byLanguage).flatMap(([language, words]) =>
    words.map((keyword) => ({ flag: flag as AFlag, language, keyword, re: compile(keyword.toLocaleLowerCase(), language) })),
  ),
);

/** Every A keyword found in the texts (first hit per flag and keyword). */
export function scanKeywords(...texts: (string | undefined | null)[]): KeywordHit[] {
  const text = texts
    .filter((t): t is string => !!t)
    .join('\n')
    .normalize('NFKC')
    .toLocaleLowerCase();
  if (!text) return [];
  return RULES.filter((r) => r.re.test(text)).map(({ flag, language, keyword }) => ({ flag, language, keyword }));
}

export interface ClassificationReason {
  rule: 'flag' | 'keyword' | 'repeat' | 'type';
  detail: string;
}

export interface ClassificationInput {
  type: ComplaintType;
  flags: readonly AFlag[];
  texts: readonly (string | undefined | null)[];
  repeat: RepeatMatch | null;
}

export interface Classification {
  proposed: ComplaintClass;
  reasons: ClassificationReason[];
  keywordHits: KeywordHit[];
}

/**
 * The class the system proposes. A (flags or keywords) outranks B (same problem again within the
 * window), which outranks the content classes: a suggestion, "others" for no subject, C otherwise.
 */
export function proposeClass(input: ClassificationInput): Classification {
  const keywordHits = scanKeywords(...input.texts);
  const reasons: ClassificationReason[] = [];
  for (const flag of new Set(input.flags)) reasons.push({ rule: 'flag', detail: `flagged ${flag}` });
  for (const hit of keywordHits) reasons.push({ rule: 'keyword', detail: `${hit.flag}: "${hit.keyword}" (${hit.language})` });
  if (reasons.length) return { proposed: 'A', reasons, keywordHits };
  if (input.repeat) {
    return { proposed: 'B', reasons: [{ rule: 'repeat', detail: input.repeat.reason }], keywordHits };
  }
  if (input.type === 'CLIENT_SUGGESTION') return { proposed: 'SUGGESTION', reasons: [{ rule: 'type', detail: 'client suggestion' }], keywordHits };
  if (input.type === 'NO_SUBJECT') return { proposed: 'OTHERS', reasons: [{ rule: 'type', detail: 'no subject' }], keywordHits };
  return { proposed: 'C', reasons: [{ rule: 'type', detail: `first complaint on ${input.type.toLowerCase().replace('_', ' ')}` }], keywordHits };
}
