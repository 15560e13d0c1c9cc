import type { Operation } from '@urql/core';
import type { FakeAnswer } from '../../testing/fake-graph';

/** What the dealer page specs share: the operation's name, and the dealer's centers as the graph lists them. */
export function operationName(op: Operation): string {
  const def = op.query.definitions.find((d) => d.kind === 'OperationDefinition');
  return def && 'name' in def ? (def.name?.value ?? '') : '';
}

export const SHANGHAI = { id: 'sc-cn-0002', code: 'CN-0002', name: '上海浦东', timeZone: 'Asia/Shanghai' };
export const SAO_PAULO = { id: 'sc-br-0007', code: 'BR-0007', name: 'São Paulo Norte', timeZone: 'America/Sao_Paulo' };

export const centersAnswer = (...centers: (typeof SHANGHAI)[]): FakeAnswer => ({
  data: { serviceCenters: { totalCount: centers.length, edges: centers.map((node) => ({ node })) } },
});

export const forbidden: FakeAnswer = { errors: [{ message: 'not in your scope', code: 'FORBIDDEN' }] };

/** An instant some minutes from now (negative: in the past), as the graph writes it. */
export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
