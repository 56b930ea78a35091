import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import type { Me } from '../../../contract/auth';
import * as api from '../staff-api';
import { isUnauthenticated, type Auth, type AuthState } from './auth-types';

export { isUnauthenticated, type Auth, type AuthState } from './auth-types';

const AuthContext = createContext<Auth | null>(null);

/** Knows who is signed in, from GET /api/auth/me; the session itself is an httpOnly cookie. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.fetchMe(controller.signal).then(
      (me) => {
        setState({ status: 'signed_in', me });
      },
      (error: unknown) => {
        if (controller.signal.aborted) {
          return;
        }
        setState(isUnauthenticated(error) ? { status: 'anonymous' } : { status: 'failed', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [round]);

  const login = useCallback(async (username: string, password: string) => {
    const result = await api.login(username, password);
    if (result.me) {
      setState({ status: 'signed_in', me: result.me });
    }
    return result.step;
  }, []);
  const signedIn = useCallback((me: Me) => {
    setState({ status: 'signed_in', me });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: 'anonymous' });
    }
  }, []);

  const refresh = useCallback(() => {
    setRound((r) => r + 1);
  }, []);
  const expire = useCallback(() => {
    setState({ status: 'anonymous' });
  }, []);

  const value = useMemo(
    () => ({ state, login, signedIn, logout, refresh, expire }),
    [state, login, signedIn, logout, refresh, expire],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The sign-in state and its operations. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) {
    throw new Error('useAuth outside AuthProvider');
  }
  return auth;
}

/** The signed-in officer; only valid below RequireAuth. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signed_in') {
    throw new Error('useMe without a signed-in officer');
  }
  return state.me;
}
