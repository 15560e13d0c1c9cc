import type { Operation } from '@urql/core';
import { getOperationAST } from 'graphql';
import type { ReactNode } from 'react';
import type { Claims } from '../auth/session';
import { SessionContext } from '../auth/session-context';

/** A signed-in session around a page under test, with the claims a token of these roles and centers carries. */
export function withSession(claims: Partial<Claims>, inner: ({ children }: { children: ReactNode }) => ReactNode) {
  const session = { token: 't', via: 'dev' as const, claims: { sub: 'st-agent-1', roles: [], centers: [], regions: [], ...claims } };
  return function Wrapper({ children }: { children: ReactNode }) {
    return <SessionContext.Provider value={{ session, signIn: () => undefined, signOut: () => undefined }}>{inner({ children })}</SessionContext.Provider>;
  };
}

/** The operation's name (`ConsoleLogCall`), so a fake graph answers each operation of a page its own way. */
export const operationName = (op: Operation) => getOperationAST(op.query)?.name?.value ?? '';

/** A service center as the network answers `...CenterZone`. */
export const center = (id: string, timeZone: string) => ({ serviceCenter: { id, code: id.toUpperCase(), name: `Center ${id}`, timeZone } });

/** The variables the page sent with its first operation of that name (a spec reads into them freely). */
export function sent(asked: Operation[], name: string): Record<string, any> {
  const op = asked.find((o) => operationName(o) === name);
  if (!op) throw new Error(`the page never sent ${name}`);
  return op.variables as Record<string, any>;
}

/** An operation's variables, for a fake graph answering by them. */
export const varsOf = (op: Operation) => (op.variables ?? {}) as Record<string, any>;
