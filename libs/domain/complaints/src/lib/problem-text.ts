import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stemmer as stemPortuguese } from '@orama/stemmers/portuguese';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { stemmer as stemSpanish } from '@orama/stemmers/spanish';
import { stopwords as englishStops } from '@orama/stopwords/english';
import { stopwords as frenchStops } from '@orama/stopwords/french';
import { stopwords as portugueseStops } from '@orama/stopwords/portuguese';
import { stopwords as russianStops } from '@orama/stopwords/russian';
import { stopwords as spanishStops } from '@orama/stopwords/spanish';

/**
 * "The same problem" read from what the customer wrote, for complaints without problem codes.
 *
 * A complaint's text becomes a set of terms: Unicode-normalized (NFKC), lower-cased, accents dropped;
 * symptoms and parts named in the lexicon below become one language-independent concept each (so
 * "noise", "barulho", "ruído", "ruido", "шум", "异响" are one term); the remaining words lose their
 * stop words and are stemmed in their language (snowball, EN/PT/ES/FR for Latin script, RU for
 * Cyrillic); Chinese, written without spaces, becomes character bigrams of the runs between its
 * particles. Two complaints are compared by the cosine of their term sets, the requirements counting
 * half as much as the content (they say what the customer wants, not what is wrong).
 */
export interface ProblemText {
  /** Terms of the content. */
  terms: string[];
  /** Terms only the requirements have. */
  contextTerms: string[];
}

export interface TextSimilarity {
  /** Cosine of the weighted term sets, 0..1. */
  similarity: number;
  /** The terms both texts have, content terms first (concepts are upper case, words are stems). */
  sharedTerms: string[];
}

type LatinLanguage = 'en' | 'pt' | 'es' | 'fr';

const CONTEXT_WEIGHT = 0.5;
/** What goes wrong weighs more than where: "noise" and "leak" on one engine are two problems. */
const SYMPTOM_WEIGHT = 1.5;
const SYMPTOMS = new Set(['NOISE', 'LEAK', 'PULLING', 'VIBRATION', 'NO_COOLING', 'OVERHEAT', 'NO_START', 'WARNING_LIGHT', 'RUDE', 'WAIT']);

/** Lower case, compatibility forms unified, accents dropped: what both sides of a comparison go through. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/**
 * Symptoms and parts under the words customers use for them. A trailing `*` matches any ending;
 * Latin and Cyrillic entries match whole words, Chinese ones anywhere. Near-synonyms only: two
 * different symptoms of one part ("noise" and "leak") must stay different terms.
 */
const CONCEPTS: Record<string, { latin?: string[]; ru?: string[]; zh?: string[] }> = {
  NOISE: {
    latin: ['nois*', 'sound*', 'rattl*', 'squeak*', 'squeal*', 'clunk*', 'knock*', 'whin*', 'barulh*', 'estal*', 'ruido*', 'ruidos*', 'chia*', 'chirri*', 'rechin*', 'golpete*', 'cascabele*', 'bruit*', 'grinc*', 'claquement*'],
    ru: ['шум*', 'стук*', 'скрип*', 'гул*', 'дребезж*', 'свист*', 'скрежет*'],
    zh: ['异响', '噪音', '噪声', '杂音', '响声', '怪声', '声音', '异音'],
  },
  LEAK: {
    latin: ['leak*', 'drip*', 'vazament*', 'vaza*', 'vazou', 'goteja*', 'fuga*', 'gotea*', 'pierde', 'perdida*', 'fuite*'],
    // not теч*: "в течение" (within) is in every other Russian sentence
    ru: ['течь', 'течет', 'текут', 'потек*', 'подтек*', 'протек*', 'протечк*', 'утечк*'],
    zh: ['漏油', '漏水', '渗漏', '泄漏', '漏液', '漏'],
  },
  PULLING: {
    latin: ['pull* to the', 'pull* left', 'pull* right', 'drift*', 'veer*', 'puxa*', 'desvi*', 'tira hacia', 'se va hacia', 'jala*', 'tire a gauche', 'tire a droite'],
    ru: ['увод*', 'тянет'],
    zh: ['跑偏', '偏向'],
  },
  VIBRATION: {
    latin: ['vibrat*', 'shak*', 'shudder*', 'vibra*', 'trepida*', 'tremor*', 'tremedeira', 'tiembl*'],
    ru: ['вибрац*', 'вибрир*', 'тряс*', 'дрож*'],
    zh: ['抖动', '震动', '振动', '抖'],
  },
  NO_COOLING: {
    latin: ['not cool', 'not cooling', 'no cooling', "doesn't cool", 'doesnt cool', 'warm air', 'hot air', 'nao gela*', 'nao esta gelando', 'nao resfria*', 'ar quente', 'no enfria*', 'sin enfriar', 'aire caliente',
      'ne refroidit pas', 'air chaud'],
    ru: ['не охлажда*', 'тепл* воздух', 'горяч* воздух'],
    zh: ['不制冷', '不凉', '吹热风', '热风'],
  },
  OVERHEAT: {
    latin: ['overheat*', 'superaquec*', 'sobrecalent*', 'surchauff*'],
    ru: ['перегре*'],
    zh: ['过热', '高温', '开锅'],
  },
  NO_START: {
    latin: ["won't start", 'wont start', 'will not start', "doesn't start", 'does not start', 'not starting', 'fails to start', 'no start',
      'nao liga', 'nao pega', 'nao da partida', 'no arranca', 'no enciende', 'no prende', 'ne demarre pas'],
    ru: ['не заводится', 'не запускается', 'не завелся', 'не заводиться'],
    zh: ['无法启动', '启动不了', '打不着火', '不能启动', '不启动', '打不着'],
  },
  WARNING_LIGHT: {
    latin: ['warning light*', 'warning lamp*', 'dashboard light*', 'check engine', 'luz de advertencia', 'luz de aviso', 'luz de alerta', 'luz do painel',
      'luz acesa', 'luz encendida', 'testigo*', 'voyant*', 'light is on', 'light came on', 'light comes on'],
    ru: ['лампочк*', 'индикатор*', 'контрольн* ламп*'],
    zh: ['故障灯', '警示灯', '报警灯', '指示灯', '亮灯', '灯亮'],
  },
  ENGINE: {
    latin: ['engine*', 'motor', 'motores', 'moteur*'],
    ru: ['двигател*', 'мотор*'],
    zh: ['发动机', '引擎', '马达'],
  },
  BRAKE: {
    latin: ['brak*', 'freio*', 'frear', 'frenagem', 'freno*', 'frenar', 'frenado', 'frein*', 'freinage'],
    ru: ['тормоз*'],
    zh: ['刹车', '制动'],
  },
  AIR_CONDITIONING: {
    latin: ['air conditioning', 'air conditioner', 'a/c', 'ac', 'ar condicionado', 'ar-condicionado', 'aire acondicionado', 'climatiza*', 'climatisation', 'clim'],
    ru: ['кондиционер*', 'климат*'],
    zh: ['空调', '冷气'],
  },
  COOLANT: {
    latin: ['coolant', 'antifreeze', 'arrefec*', 'refrigerante', 'anticongelante', 'liquide de refroidissement'],
    ru: ['антифриз*', 'охлаждающ* жидкост*', 'тосол*'],
    zh: ['冷却液', '防冻液', '水温'],
  },
  BATTERY: {
    latin: ['batter*', 'bateria*', 'batterie*'],
    ru: ['аккумулятор*', 'батаре*'],
    zh: ['电瓶', '蓄电池', '电池'],
  },
  GEARBOX: {
    latin: ['gearbox*', 'transmission*', 'gear shift*', 'caixa de marcha*', 'caixa de cambio*', 'caja de cambio*', 'transmision*', 'boite de vitesse*'],
    ru: ['коробк* передач', 'кпп', 'трансмисси*'],
    zh: ['变速箱', '变速器', '换挡', '挡位'],
  },
  STEERING: {
    latin: ['steering*', 'direcao', 'direccion', 'volante'],
    ru: ['рулев*', 'руль*', 'руля'],
    zh: ['方向盘', '转向'],
  },
  START: {
    latin: ['start*', 'partida', 'dar partida', 'dou partida', 'ligar o carro', 'ligo o carro', 'arranc*', 'encender', 'enciendo', 'enciende', 'arranque', 'demarr*'],
    // not завод*: завод is also the factory
    ru: ['запуск*', 'заводит*', 'завожу', 'завест*', 'завел*'],
    zh: ['启动', '打火', '点火'],
  },
  'COLD+START': { zh: ['冷启动', '冷车启动'] },
  SPEED: {
    latin: ['high speed*', 'speed*', 'km/h', 'kmh', 'mph', 'velocidade*', 'velocidad*', 'vitesse*'],
    ru: ['скорост*', 'км/ч'],
    zh: ['高速', '车速', '时速', '公里'],
  },
  ADVISOR: {
    latin: ['service advisor*', 'advisor*', 'adviser*', 'consultor*', 'consultora*', 'asesor*', 'asesora*', 'recepcionista*', 'conseiller*'],
    ru: ['мастер-приемщик*', 'мастер приемщик*', 'мастера-приемщика', 'приемщик*', 'менеджер*'],
    zh: ['服务顾问', '顾问', '接待员'],
  },
  COLD: {
    latin: ['cold*', 'frio', 'fria', 'frios', 'frias', 'froid*'],
    ru: ['холодн*', 'мороз*'],
    zh: ['冷车', '低温', '天冷'],
  },
  WINDOW: {
    latin: ['window*', 'janela*', 'vidro*', 'ventanilla*', 'vidrio*', 'vitre*', 'fenetre*'],
    ru: ['окн*', 'стекл*', 'стеклоподъемник*'],
    zh: ['车窗', '玻璃', '窗户'],
  },
  RUDE: {
    latin: ['rude*', 'impolite', 'disrespect*', 'grosseir*', 'grosso', 'grossa', 'mal educad*', 'maleducad*', 'descortes*', 'groser*', 'impoli*'],
    ru: ['груб*', 'хам*', 'невежлив*'],
    zh: ['态度很差', '态度非常差', '态度差', '态度恶劣', '态度不好', '不礼貌', '粗鲁'],
  },
  WAIT: {
    // not espera*: "espero que" (I hope) opens many a complaint
    latin: ['wait*', 'delay*', 'esperei', 'esperamos', 'esperando', 'espere', 'esperar', 'tempo de espera', 'tiempo de espera', 'demor*', 'atraso*', 'retard*', 'attente'],
    ru: ['ожидан*', 'ждал*', 'ждать', 'задержк*', 'долго'],
    zh: ['等待', '等了', '拖延', '太慢', '等候'],
  },
};

/** Words every complaint could say about any problem: "again", "the car", "the same problem", "repair". */
const DOMAIN_STOPS: { latin: string[]; ru: string[]; zh: string[] } = {
  latin: ['problem', 'problems', 'issue', 'issues', 'again', 'still', 'back', 'same', 'car', 'vehicle', 'complaint', 'customer', 'please', 'repair', 'repaired', 'fix', 'fixed', 'since',
    'problema', 'problemas', 'novamente', 'outra', 'vez', 'mesmo', 'mesma', 'ainda', 'voltou', 'carro', 'veiculo', 'reclamacao', 'cliente', 'conserto', 'consertado', 'reparo', 'reparado',
    'nuevo', 'nueva', 'otra', 'mismo', 'misma', 'sigue', 'todavia', 'coche', 'auto', 'vehiculo', 'queja', 'reparacion', 'reparado', 'arreglo', 'arreglado',
    'probleme', 'encore', 'voiture', 'vehicule', 'reparation', 'repare',
    // time and light verbs: when and how it happened is not what happened
    'day', 'days', 'week', 'weeks', 'month', 'months', 'today', 'yesterday', 'morning', 'two', 'three', 'make', 'makes', 'made', 'making', 'came', 'come', 'comes', 'get', 'gets', 'got',
    'went', 'goes', 'keep', 'keeps', 'time', 'times', 'weather', 'strange', 'weird',
    'dia', 'dias', 'semana', 'semanas', 'mes', 'meses', 'hoje', 'ontem', 'manha', 'dois', 'duas', 'faz', 'fazendo', 'fez', 'dou', 'deu', 'fica', 'ficou', 'esta', 'estranho', 'estranha',
    'hoy', 'ayer', 'manana', 'hace', 'haciendo', 'hizo', 'queda', 'raro', 'rara', 'jour', 'jours', 'semaine', 'fait'],
  ru: ['проблема', 'проблемы', 'проблему', 'снова', 'опять', 'всё', 'все', 'еще', 'ещё', 'машина', 'машины', 'машину', 'автомобиль', 'автомобиля', 'жалоба', 'клиент', 'ремонт', 'ремонта', 'после',
    'день', 'дня', 'дней', 'неделю', 'недели', 'сегодня', 'вчера', 'утром', 'два', 'две', 'странный', 'странно', 'стал', 'стала', 'делает'],
  zh: ['问题', '又', '再次', '还是', '仍然', '汽车', '车辆', '维修', '修理', '修好', '客户', '投诉', '今天', '昨天', '早上', '两天', '几天', '最近'],
};

/**
 * Particles split Chinese runs before the bigrams (a bigram across "的" says nothing). The library's
 * Mandarin list is not used: it holds words such as 不, 上 and 下 that carry meaning in a fault report.
 */
const ZH_PARTICLES = new Set([...'的了是在有我又也和就都很吗呢啊吧时把被给这那还再们您你他她它后会要说到着过得地个一']);

const LATIN_STEMMERS: Record<LatinLanguage, (w: string) => string> = { en: stemEnglish, pt: stemPortuguese, es: stemSpanish, fr: stemFrench };
const fold = (words: string[]) => new Set(words.map(foldText));
const LATIN_STOPS: Record<LatinLanguage, Set<string>> = {
  en: fold(englishStops),
  pt: fold(portugueseStops),
  es: fold(spanishStops),
  fr: fold(frenchStops),
};
const RUSSIAN_STOPS = fold(russianStops);
const LATIN_DOMAIN_STOPS = fold(DOMAIN_STOPS.latin);
const RUSSIAN_DOMAIN_STOPS = fold(DOMAIN_STOPS.ru);
/** Letters that only one of the Latin languages writes (before the accents are dropped). */
const LANGUAGE_LETTERS: [LatinLanguage, RegExp][] = [
  ['pt', /[ãõ]/u],
  ['es', /[ñ¿¡]/u],
  ['fr', /[èëùûœî]/u],
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regular expression per concept and script family, the longest entries first. */
const CONCEPT_RULES = Object.entries(CONCEPTS).flatMap(([concept, forms]) => {
  const rules: { concept: string; re: RegExp }[] = [];
  const words = [...(forms.latin ?? []), ...(forms.ru ?? [])].map(foldText).sort((a, b) => b.length - a.length);
  if (words.length) {
    const alternatives = words.map((w) => w.split(' ').map((part) => (part.endsWith('*') ? `${escapeRegExp(part.slice(0, -1))}[\\p{L}\\p{N}]*` : escapeRegExp(part))).join('\\s+'));
    rules.push({ concept, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu') });
  }
  if (forms.zh?.length) {
    const zh = [...forms.zh].sort((a, b) => b.length - a.length).map(escapeRegExp);
    rules.push({ concept, re: new RegExp(zh.join('|'), 'gu') });
  }
  return rules;
});
// Longer phrases first across concepts too ("check engine" is a warning light before "engine" is a part).
CONCEPT_RULES.sort((a, b) => b.re.source.length - a.re.source.length);
const PHRASE_FIRST = ['WARNING_LIGHT', 'NO_START', 'NO_COOLING', 'COLD+START', 'AIR_CONDITIONING', 'COOLANT', 'GEARBOX', 'ADVISOR'];
CONCEPT_RULES.sort((a, b) => Number(PHRASE_FIRST.includes(b.concept)) - Number(PHRASE_FIRST.includes(a.concept)));

/** The Latin-script language of a text: the one whose stop words (and own letters) it uses most; ties go to the hint, then English. */
function latinLanguageOf(rawLower: string, words: string[], hint?: string | null): LatinLanguage {
  const scores: Record<LatinLanguage, number> = { en: 0, pt: 0, es: 0, fr: 0 };
  for (const w of words) for (const lang of Object.keys(scores) as LatinLanguage[]) if (LATIN_STOPS[lang].has(w)) scores[lang] += 1;
  for (const [lang, re] of LANGUAGE_LETTERS) if (re.test(rawLower)) scores[lang] += 2;
  const hinted = hint?.slice(0, 2).toLowerCase();
  if (hinted && hinted in scores) scores[hinted as LatinLanguage] += 0.5;
  return (Object.entries(scores) as [LatinLanguage, number][]).reduce((best, cur) => (cur[1] > best[1] ? cur : best), ['en', 0] as [LatinLanguage, number])[0];
}

/** The terms of one text (a set: how often a word is repeated does not make it more the problem). */
export function termsOf(text: string, languageHint?: string | null): string[] {
  const rawLower = text.normalize('NFKC').toLowerCase();
  let folded = foldText(text);
  const terms = new Set<string>();
  for (const { concept, re } of CONCEPT_RULES) {
    folded = folded.replace(re, () => {
      for (const c of concept.split('+')) terms.add(c);
      return ' ';
    });
  }
  for (const stop of DOMAIN_STOPS.zh) folded = folded.split(stop).join(' ');
  const latinWords = folded.match(/[\p{Script=Latin}\p{N}]+/gu) ?? [];
  const language = latinLanguageOf(rawLower, latinWords, languageHint);
  for (const word of latinWords) {
    if (word.length < 2 || /^\p{N}+$/u.test(word) || LATIN_STOPS[language].has(word) || LATIN_DOMAIN_STOPS.has(word)) continue;
    terms.add(foldText(LATIN_STEMMERS[language](word)));
  }
  for (const word of folded.match(/\p{Script=Cyrillic}+/gu) ?? []) {
    if (word.length < 2 || RUSSIAN_STOPS.has(word) || RUSSIAN_DOMAIN_STOPS.has(word)) continue;
    terms.add(stemRussian(word));
  }
  for (const run of folded.match(/\p{Script=Han}+/gu) ?? []) {
    for (const segment of [...run].reduce<string[][]>((segs, ch) => (ZH_PARTICLES.has(ch) ? segs.push([]) : segs.at(-1)!.push(ch), segs), [[]])) {
      if (segment.length === 1) terms.add(segment[0]);
      for (let i = 0; i + 1 < segment.length; i++) terms.add(segment[i] + segment[i + 1]);
    }
  }
  return [...terms].sort();
}

/** The problem text of a complaint: its content, and what only its requirements add. */
export function problemTextOf(content: string, requirements?: string | null, languageHint?: string | null): ProblemText {
  const terms = termsOf(content, languageHint);
  const own = new Set(terms);
  return { terms, contextTerms: termsOf(requirements ?? '', languageHint).filter((t) => !own.has(t)) };
}

function weights(p: ProblemText): Map<string, number> {
  const w = new Map<string, number>();
  const base = (t: string) => (SYMPTOMS.has(t) ? SYMPTOM_WEIGHT : 1);
  for (const t of p.contextTerms) w.set(t, CONTEXT_WEIGHT * base(t));
  for (const t of p.terms) w.set(t, base(t));
  return w;
}

/** The cosine of the two weighted term sets and the terms they share. */
export function textSimilarity(a: ProblemText, b: ProblemText): TextSimilarity {
  const wa = weights(a);
  const wb = weights(b);
  let dot = 0;
  const shared: { term: string; weight: number }[] = [];
  for (const [term, x] of wa) {
    const y = wb.get(term);
    if (y === undefined) continue;
    dot += x * y;
    shared.push({ term, weight: x * y });
  }
  const norm = (w: Map<string, number>) => Math.sqrt([...w.values()].reduce((s, x) => s + x * x, 0));
  const denominator = norm(wa) * norm(wb);
  const similarity = denominator ? Math.round((dot / denominator) * 1000) / 1000 : 0;
  shared.sort((x, y) => y.weight - x.weight || x.term.localeCompare(y.term));
  return { similarity, sharedTerms: shared.map((s) => s.term) };
}
