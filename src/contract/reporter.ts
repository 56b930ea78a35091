import { z } from 'zod';
import { instantSchema } from './common.js';
import { personText } from './tickets.js';

/** The longest reason an officer may give for seeing the reporter's full number. */
export const REVEAL_REASON_MAX = 200;

/**
 * Asks to see the reporter's full phone number (城管条例 Art 26: the reporter stays confidential;
 * docs/sources.md §5: every reveal is written to the audit trail with its reason).
 */
export const revealReporterSchema = z.object({ reason: personText(REVEAL_REASON_MAX) });
export type RevealReporter = z.infer<typeof revealReporterSchema>;

/**
 * The full number and name, answered once with `cache-control: no-store`; each null when none
 * was left.
 */
export const revealedReporterSchema = z.object({
  phone: z.string().nullable(),
  name: z.string().nullable(),
  revealedAt: instantSchema,
});
export type RevealedReporter = z.infer<typeof revealedReporterSchema>;
