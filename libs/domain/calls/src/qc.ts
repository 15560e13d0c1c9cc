import { fiveW1HCompleteness } from './call-rules';
import { FIVE_W1H_KEYS, type FiveW1H } from './model';

/** Standard service terms an agent is expected to use (002 ch. IV section I.1). */
export const StandardTerms = [
  'OPENING_REMARKS',
  'TERMS_OF_ADDRESS',
  'APOLOGY_WHEN_KEEPING_WAITING',
  'REPEATS_CUSTOMER_QUESTION',
  'ASKS_ANYTHING_ELSE',
  'CONCLUDING_REMARKS',
] as const;
export type StandardTerm = (typeof StandardTerms)[number];

/** Service taboos (002 ch. IV section I.2). */
export const Taboos = [
  'LACK_OF_KNOWLEDGE',
  'NEGATIVE_WORDS',
  'UNCERTAIN_ANSWER',
  'REFUSAL_WITHOUT_APOLOGY',
  'IMPATIENCE',
  'INTERRUPTING',
  'UNFOUNDED_PROMISE',
  'LOSING_TEMPER',
] as const;
export type Taboo = (typeof Taboos)[number];

/** Phrases that give a taboo away in a transcript; the rest need a listening QC agent. */
const TABOO_PHRASES: Partial<Record<Taboo, RegExp>> = {
  LACK_OF_KNOWLEDGE: /\bi\s+(?:do\s*n[o']?t|dont)\s+(?:know|understand)\b|\bi'?m\s+not\s+(?:clear|sure)\b|\bi\s+am\s+not\s+(?:clear|sure)\b/i,
  NEGATIVE_WORDS: /\b(?:no\s+way|impossible|cannot\s+order|can'?t\s+order)\b/i,
  UNCERTAIN_ANSWER: /\b(?:maybe|probably|perhaps)\b/i,
};

/** Taboos recognisable from the transcript's words alone. */
export function detectTaboos(transcript: string): Taboo[] {
  return (Object.entries(TABOO_PHRASES) as [Taboo, RegExp][]).filter(([, re]) => re.test(transcript)).map(([t]) => t);
}

export interface QcChecklist {
  /** Terms the QC agent heard. */
  termsUsed: StandardTerm[];
  /** Taboos the QC agent heard (those found in the transcript are added). */
  taboos: Taboo[];
  transcript?: string | null;
  /** 5W1H elements present in the record but too vague to act on (e.g. where: "unknown"), as judged by QC. */
  inadequateRecord?: string[] | null;
}

export interface QcScore {
  /** 0-100: terms 40, taboos 30 (10 off per distinct taboo), 5W1H 30 (5 per element). */
  score: number;
  termsScore: number;
  tabooScore: number;
  recordScore: number;
  missingTerms: StandardTerm[];
  taboos: Taboo[];
  missingRecord: string[];
  /** Problems found: each missing term, each taboo and each missing 5W1H element. */
  issues: number;
  passed: boolean;
}

export const QC_PASS_MARK = 80;

/** Scores one call; a call with any taboo fails whatever its points (taboos are "never allowed"). */
export function scoreCall(checklist: QcChecklist, record: FiveW1H, passMark = QC_PASS_MARK): QcScore {
  const used = new Set(checklist.termsUsed);
  const missingTerms = StandardTerms.filter((t) => !used.has(t));
  const taboos = [...new Set([...checklist.taboos, ...(checklist.transcript ? detectTaboos(checklist.transcript) : [])])].sort();
  const absent = fiveW1HCompleteness(record).missing;
  const missing = FIVE_W1H_KEYS.filter((k) => absent.includes(k) || (checklist.inadequateRecord ?? []).includes(k));
  const termsScore = round1((40 * (StandardTerms.length - missingTerms.length)) / StandardTerms.length);
  const tabooScore = Math.max(0, 30 - 10 * taboos.length);
  const recordScore = 5 * (6 - missing.length);
  const score = round1(termsScore + tabooScore + recordScore);
  return {
    score,
    termsScore,
    tabooScore,
    recordScore,
    missingTerms,
    taboos,
    missingRecord: missing,
    issues: missingTerms.length + taboos.length + missing.length,
    passed: score >= passMark && taboos.length === 0,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
