import type { Me } from '../../../contract/auth';
import { ApiError } from '../../shared/api-error';

/** What the sign-in form sends. */
export interface Credentials {
  username: string;
  password: string;
}

/** Submits the sign-in form. */
export type SubmitCredentials = (values: Credentials) => Promise<void>;

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'failed'; error: unknown }
  | { status: 'signed_in'; me: Me };

export interface Auth {
  state: AuthState;
  /**
   * Signs in with the password; answers the step still owed (admin roles: the authenticator
   * code, or setting one up). Throws the ApiError (login_failed, rate_limited, …) for the form.
   */
  login: (username: string, password: string) => Promise<'done' | 'totp' | 'enrol'>;
  /** Marks the officer signed in once the second factor is passed. */
  signedIn: (me: Me) => void;
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
