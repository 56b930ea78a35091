import { z } from 'zod';
import { instantSchema } from './common.js';
import { phoneSchema } from './tickets.js';

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

/** The longest receipt code a lookup accepts, as typed (spaces and full-width forms included). */
export const RECEIPT_CODE_MAX = 40;

/** Ask for an SMS code to the phone (POST, so the number is never in a URL or an access log). */
export const codeRequestSchema = z.object({ phone: phoneSchema });
export type CodeRequest = z.infer<typeof codeRequestSchema>;

/** The same answer whether or not the phone has any request, so nobody can probe numbers. */
export const codeSentSchema = z.object({
  /** Seconds until another code may be asked for. */
  resendAfterSeconds: z.number().int(),
  /** Seconds the code holds. */
  expiresInSeconds: z.number().int(),
});
export type CodeSent = z.infer<typeof codeSentSchema>;

/** The phone again and the 6-digit code received. */
export const verifyCodeSchema = z.object({
  phone: phoneSchema,
  code: z.string().regex(/^\d{6}$/),
});
export type VerifyCode = z.infer<typeof verifyCodeSchema>;

/** Every request of the verified phone, newest first, and when the session ends. */
export const myRequestListSchema = z.object({
  items: z.array(myRequestItemSchema),
  sessionExpiresAt: instantSchema,
});
export type MyRequestList = z.infer<typeof myRequestListSchema>;

/** A receipt code as typed: case, spaces and full-width forms do not matter. */
export const receiptLookupSchema = z.object({ code: z.string().min(1).max(RECEIPT_CODE_MAX) });
export type ReceiptLookup = z.infer<typeof receiptLookupSchema>;

/**
 * What a receipt code shows: the request's state at a glance, without the address of its follow
 * page. A receipt code is read aloud, printed in SMS texts and seen by staff and departments, so
 * it is not the private link; that link comes with the receipt, or after verifying the phone.
 */
export const receiptStatusSchema = myRequestItemSchema.omit({ followPath: true });
export type ReceiptStatus = z.infer<typeof receiptStatusSchema>;
