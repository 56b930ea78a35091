import { z } from 'zod';
import { instantSchema } from './common.js';

/** The records a resident can find again under "my requests" (我的诉求). */
export const myRequestSources = ['ticket', 'suggestion', 'credit_repair'] as const;
export const myRequestSourceSchema = z.enum(myRequestSources);
export type MyRequestSource = z.infer<typeof myRequestSourceSchema>;

/**
 * One of a resident's requests as "my requests" lists it: never personal data, only what the
 * resident's own follow page would show at a glance, and the address of that page.
 */
export const myRequestItemSchema = z.object({
  source: myRequestSourceSchema,
  /** The receipt code printed on the acknowledgement (for tickets, the tracking code). */
  receiptCode: z.string(),
  /** For a ticket its kind (consultation, help, …); otherwise the source again. */
  kind: z.string(),
  /** A short title without personal data: the matter, the topic, the decision number. */
  title: z.string(),
  /** The source's own status code; the page labels it. */
  status: z.string(),
  createdAt: instantSchema,
  /** The resident page of the request, e.g. /t/{accessToken}. */
  followPath: z.string(),
});
export type MyRequestItem = z.infer<typeof myRequestItemSchema>;
