import type { Me } from '../../../contract/auth';
import { ApiError } from '../../shared/api-error';

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'failed'; error: unknown }
  | { status: 'signed_in'; me: Me };

export interface Auth {
  state: AuthState;
  /** Signs in; throws the ApiError (login_failed, rate_limited, …) for the form to show. */
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Reads `me` again, e.g. after the calendar changed its warnings. */
  refresh: () => void;
  /** Called when any request answers not_authenticated: the session is gone. */
  expire: () => void;
}

/** True for an answer that means the session is missing or expired. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.code === 'not_authenticated');
}
