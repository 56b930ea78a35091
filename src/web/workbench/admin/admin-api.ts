// The calls of the system and security administrators' pages (src/server/accounts/admin-routes.ts).
import type { CreateStaff, StaffAccount, StaffAdminList } from '../../../contract/auth';
import { apiGet, apiRequest } from '../../shared/api-client';

const staffPath = (id: string, step: string) =>
  `/api/admin/staff/${encodeURIComponent(id)}/${step}`;

/** The accounts with the streets and the minimum password length of the create form. */
export const fetchStaffAdminList = (signal?: AbortSignal) =>
  apiGet<StaffAdminList>('/api/admin/staff', signal);

export const createStaff = (input: CreateStaff) =>
  apiRequest<{ id: string }>('POST', '/api/admin/staff', { body: input });

/** Disables (its sessions end at once) or re-enables an account. */
export const setStaffActive = (id: string, active: boolean) =>
  apiRequest<null>('POST', staffPath(id, active ? 'enable' : 'disable'), { body: {} });

export const resetStaffPassword = (id: string, password: string) =>
  apiRequest<null>('POST', staffPath(id, 'password'), { body: { password } });

/** Every account, as the security administrator acts on it. */
export const fetchSecurityAccounts = (signal?: AbortSignal) =>
  apiGet<{ items: StaffAccount[] }>('/api/security/staff', signal);

/** The security administrator's steps on one account. */
export const securitySteps = ['unlock', 'end-sessions', 'totp-reset'] as const;
export type SecurityStep = (typeof securitySteps)[number];

export const runSecurityStep = (id: string, step: SecurityStep) =>
  apiRequest<null>('POST', `/api/security/staff/${encodeURIComponent(id)}/${step}`, {
    body: {},
  });
