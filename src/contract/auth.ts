import { z } from 'zod';

export const staffRoles = [
  'liaison',
  'street_admin',
  'bureau_admin',
  'department',
  'auditor',
  'system_admin',
  'security_admin',
] as const;
export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/**
 * The three separate administrators of 等保 三权分立 (系统管理员 / 安全管理员 / 审计管理员). An
 * account has exactly one role, so no account holds two of them; docs/security.md lists what each
 * may and may not do.
 */
export const adminRoles = ['system_admin', 'security_admin', 'auditor'] as const;

/** Roles that must pass a TOTP second factor at every sign-in (等保 身份鉴别 d). */
export const secondFactorRoles: readonly StaffRole[] = [
  'bureau_admin',
  'system_admin',
  'security_admin',
  'auditor',
];

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  badgeNo: z.string().nullable(),
  /**
   * The officer's own mobile for notifications, masked; null when none is registered. Absent for
   * department and auditor accounts, which receive no ticket notifications.
   */
  mobileMasked: z.string().nullable().optional(),
  street: z.object({ id: z.string(), name: z.string() }).nullable(),
  calendarWarnings: z.array(z.object({ year: z.number() })),
});
export type Me = z.infer<typeof meSchema>;

/** A staff member changes their own password (the policy is checked by the server). */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

/**
 * What a sign-in answers. `done`: the session is open and `me` is filled. `totp`: the password
 * was right and the session waits for the authenticator code. `enrol`: the account must first
 * set up an authenticator (admin roles); the session may only enrol.
 */
export const loginResultSchema = z.object({
  step: z.enum(['done', 'totp', 'enrol']),
  me: meSchema.nullable(),
  /** The token the client sends in the X-CSRF-Token header with every state-changing request. */
  csrfToken: z.string(),
});
export type LoginResult = z.infer<typeof loginResultSchema>;

/** A six-digit authenticator code, or a one-time recovery code (xxxx-xxxx-xxxx). */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})$/),
});

/** An authenticator to set up: the secret, its otpauth URI and the URI as a QR code image. */
export const totpEnrolmentSchema = z.object({
  secret: z.string(),
  uri: z.string(),
  qrDataUrl: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

/** After a confirmed enrolment: the one-time recovery codes, shown this once only. */
export const totpConfirmedSchema = z.object({
  me: meSchema,
  recoveryCodes: z.array(z.string()),
  csrfToken: z.string(),
});

/**
 * A staff member registers or removes (null) the mobile number their notifications go to; a
 * mainland mobile after normalisation (full-width digits, spaces and +86 removed).
 */
export const setMobileSchema = z.object({
  mobile: z
    .string()
    .regex(/^1[3-9]\d{9}$/)
    .nullable(),
});
export type SetMobile = z.infer<typeof setMobileSchema>;

/** Roles a system administrator may create and manage (the business roles). */
export const managedRoles = ['liaison', 'street_admin', 'bureau_admin'] as const;

/** One staff account as the system and security administrators list it. */
export const staffAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  streetId: z.string().nullable(),
  /** The name of the account's street or partner department; null for district-wide roles. */
  unit: z.string().nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedLogins: z.number(),
  secondFactor: z.boolean(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

/**
 * The system administrator's account list with what the create form needs: the streets to pick
 * and the configured minimum password length (the rules: src/domain/password-rules.ts).
 */
export const staffAdminListSchema = z.object({
  items: z.array(staffAccountSchema),
  streets: z.array(z.object({ id: z.string(), name: z.string() })),
  passwordMinLength: z.number().int(),
});
export type StaffAdminList = z.infer<typeof staffAdminListSchema>;

/** A system administrator creates an account of a business role. */
export const createStaffSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9._-]{2,63}$/),
  name: z.string().trim().min(1).max(64),
  role: z.enum(managedRoles),
  streetId: z.string().min(1).max(64).nullable(),
  password: z.string().min(1).max(256),
});
export type CreateStaff = z.infer<typeof createStaffSchema>;

/** A system administrator sets a new password for an account. */
export const resetPasswordSchema = z.object({ password: z.string().min(1).max(256) });
