import type { Operation } from '@urql/core';
import type { FakeAnswer } from '../../testing/fake-graph';

/** The name of the operation a page sent (`query ConsoleScorecard …` → `ConsoleScorecard`). */
export function nameOf(op: Operation): string {
  const def = op.query.definitions.find((d) => d.kind === 'OperationDefinition');
  return def && 'name' in def ? (def.name?.value ?? '') : '';
}

/** A fake graph's answer per operation name, so one page's several queries each get theirs. */
export function byOperation(answers: Record<string, (op: Operation) => FakeAnswer>): (op: Operation) => FakeAnswer {
  return (op) => {
    const answer = answers[nameOf(op)];
    if (!answer) return { errors: [{ message: `no fake answer for ${nameOf(op)}`, code: 'INTERNAL_SERVER_ERROR' }] };
    return answer(op);
  };
}

export const REGIONS: FakeAnswer = {
  data: {
    regions: [
      { id: 'rg-chn', code: 'CHN', name: 'China' },
      { id: 'rg-las', code: 'LAS', name: 'Latin America South' },
    ],
  },
};
