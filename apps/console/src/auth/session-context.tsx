import { createContext, useContext } from 'react';
import type { Session } from './session';

export interface SessionState {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
}

export const SessionContext = createContext<SessionState>({ session: null, signIn: () => undefined, signOut: () => undefined });

export const useSession = () => useContext(SessionContext);

/** The signed-in session; pages behind the router's guard may rely on it. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn outside a signed-in page');
  return session;
}
