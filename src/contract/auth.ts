import { z } from 'zod';

export const staffRoles = [
  'liaison',
  'street_admin',
  'bureau_admin',
  'department',
  'auditor',
] as const;
export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;

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

/** A staff member changes their own password. */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(8).max(256),
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
