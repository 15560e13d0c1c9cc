import { Client, makeResult, type Exchange, type Operation } from '@urql/core';
import { GraphQLError } from 'graphql';
import type { ReactNode } from 'react';
import { Provider } from 'urql';
import { filter, map, merge, pipe, share } from 'wonka';

/** What a component test's fake graph answers: data, or errors with extension codes as the gateway sends them. */
export type FakeAnswer = { data: Record<string, unknown> } | { errors: { message: string; code: string; extensions?: Record<string, unknown> }[] };

/**
 * A real urql client whose only exchange answers from a function instead of the network (the port a
 * component test may fake), and remembers every operation it was asked, with its variables.
 */
export function fakeGraph(answer: (op: Operation) => FakeAnswer) {
  const asked: Operation[] = [];
  const exchange: Exchange = () => (ops$) => {
    const shared = pipe(ops$, share);
    return merge([
      pipe(
        shared,
        filter((op) => op.kind !== 'teardown'),
        map((op) => {
          asked.push(op);
          const a = answer(op);
          if ('data' in a) return makeResult(op, { data: a.data });
          return makeResult(op, { data: null, errors: a.errors.map((e) => new GraphQLError(e.message, { extensions: { code: e.code, ...e.extensions } })) });
        }),
      ),
    ]);
  };
  const client = new Client({ url: 'http://graph.test/graphql', exchanges: [exchange] });
  const wrap = ({ children }: { children: ReactNode }) => <Provider value={client}>{children}</Provider>;
  return { client, asked, wrap };
}
