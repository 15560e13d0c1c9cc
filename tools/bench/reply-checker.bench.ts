import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { checkReply, classify, LANGUAGES, REPLY_CORPUS, type CorpusReply, type Language } from '@aftersales/domain-job-orders';

/** What `npm run bench` lists. */
export const describe = 'reply-checker: accuracy, false accepts and false returns on the labelled reply corpus, per language';

const HELP = `npm run bench -- reply-checker [--rounds 200] [--verbose]

  Runs every reply of the labelled corpus (libs/domain/job-orders/src/lib/reply/corpus, at least 30
  per language) through the reply checker and prints, per language and overall: replies, accuracy
  (predicted label = final / not final / incomplete equals the label), false accepts (a not-final or
  incomplete reply accepted; target 0), false returns (a final reply returned) and the time per reply
  (mean over --rounds passes). --verbose lists every miss with its issues.`;

interface Row {
  scope: string;
  replies: number;
  correct: number;
  falseAccepts: number;
  falseReturns: number;
  microsPerReply: number;
}

function measure(scope: string, replies: readonly CorpusReply[], rounds: number, misses: string[]): Row {
  let correct = 0;
  let falseAccepts = 0;
  let falseReturns = 0;
  for (const reply of replies) {
    const { label, verdict } = classify(reply);
    if (label === reply.label) correct++;
    else misses.push(`${reply.id} ${reply.label} -> ${label}: ${verdict.issues.map((i) => `${i.kind}${i.sentence ? ` "${i.sentence}"` : ` ${i.field}`}`).join('; ')}`);
    if (verdict.accepted && reply.label !== 'final') falseAccepts++;
    if (!verdict.accepted && reply.label === 'final') falseReturns++;
  }
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const reply of replies) checkReply(reply.draft, { now: new Date() });
  const microsPerReply = ((performance.now() - start) * 1000) / (rounds * replies.length);
  return { scope, replies: replies.length, correct, falseAccepts, falseReturns, microsPerReply };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { rounds: { type: 'string', default: '200' }, verbose: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const rounds = Math.max(1, Number(values.rounds) || 200);
  const misses: string[] = [];
  // Warm the regular expressions up once so the first language does not pay for compilation.
  for (const reply of REPLY_CORPUS) checkReply(reply.draft, { now: new Date() });
  const rows = [
    ...LANGUAGES.map((language: Language) => measure(language, REPLY_CORPUS.filter((r) => r.language === language), rounds, misses)),
    measure('all', REPLY_CORPUS, rounds, []),
  ];
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  const table = [
    ['language', 'replies', 'accuracy', 'false accepts', 'false returns', 'µs/reply'],
    ...rows.map((r) => [r.scope, String(r.replies), pct(r.correct, r.replies), String(r.falseAccepts), String(r.falseReturns), r.microsPerReply.toFixed(1)]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  process.stdout.write(`${table.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n')}\n`);
  const all = rows.at(-1)!;
  process.stdout.write(`target: 0 false accepts -> ${all.falseAccepts === 0 ? 'PASS' : 'FAIL'}\n`);
  if (values.verbose && misses.length) process.stdout.write(`\nmisses:\n${misses.map((m) => `  ${m}`).join('\n')}\n`);
}
