import { z } from 'zod';
import type { StaffRole } from './auth.js';
import { instantSchema, pageQuerySchema } from './common.js';
import { ticketActions, type TicketAction } from './tickets.js';

/** The roles that may read the trail: the auditor (等保 审计管理员) and the bureau admin. */
export const auditReaderRoles: readonly StaffRole[] = ['auditor', 'bureau_admin'];

/** Who can act: a staff member, a resident through a private link, the system, a department. */
export const auditActorKinds = ['staff', 'resident', 'system', 'department'] as const;
export const auditActorKindSchema = z.enum(auditActorKinds);
export type AuditActorKind = z.infer<typeof auditActorKindSchema>;

/**
 * The audited actions that are not ticket steps. A ticket step `accept` is audited as
 * `ticket.accept`, labelled with the step's own name, so the ticket steps are not repeated here.
 */
export const auditOwnActions = [
  'auth.login',
  'auth.login_failed',
  'auth.password_changed',
  'auth.mobile_changed',
  'auth.logout',
  'auth.password_accepted',
  'auth.second_factor_failed',
  'auth.totp_enrolled',
  'auth.totp_reset',
  'auth.locked',
  'auth.unlocked',
  'auth.sessions_ended',
  'staff.created',
  'staff.disabled',
  'staff.enabled',
  'staff.password_reset',
  'audit.read',
  'ticket.submit',
  'ticket.read',
  'ticket.reporter.reveal',
  'ticket.phone_lookup',
  'ticket.close_unrated',
  'referral.send',
  'referral.accept',
  'referral.decline',
  'referral.answer',
  'referral.retry',
  'policy.set',
  'calendar.override_set',
  'calendar.override_removed',
  'calendar.year_confirmed',
  'placard.print',
  'placard.mark_printed',
  'placard.point_added',
  'placard.point_changed',
  'placard.check',
  'placard.token_rotated',
  'mediation.open',
  'mediation.add_session',
  'mediation.record_written',
  'mediation.record_oral',
  'mediation.end',
  'mediation.schedule_check',
  'mediation.record_check',
  'mediation.set_followup',
  'mediation.agreement_read',
  'visit.create',
  'visit.edit',
  'visit.target_set',
  'meeting.create',
  'meeting.edit',
  'case.register',
  'case.investigate',
  'case.notify',
  'case.record_statement',
  'case.request_hearing',
  'case.schedule_hearing',
  'case.hold_hearing',
  'case.legal_review',
  'case.decide',
  'case.deliver',
  'case.record_payment',
  'case.apply_court',
  'case.follow_up',
  'case.close',
  'case.cancel',
  'case.evidence_add',
  'case.party_reveal',
  'case.rules_set',
  'reinspection.schedule',
  'reinspection.record',
  'building.flag',
  'building.flag_clear',
  'credit.submit',
  'credit.resubmit',
  'credit.request_correction',
  'credit.accept',
  'credit.refuse',
  'credit.complete',
  'credit.read',
  'credit.letter_read',
  'credit.class_set',
  'matter.create',
  'matter.edit',
  'matter.retire',
  'matter.restore',
  'qa.publish',
  'qa.edit',
  'qa.unpublish',
  'suggestion.submit',
  'suggestion.register',
  'suggestion.accept',
  'suggestion.handle',
  'suggestion.decide',
  'suggestion.personal_claim',
  'suggestion.campaign_create',
  'suggestion.campaign_report',
  'suggestion.settings_set',
  'education.create',
  'education.edit',
  'education.submit',
  'education.approve',
  'education.reject',
  'education.unpublish',
  'education.event_create',
  'education.event_edit',
  'survey.campaign_create',
  'assessment.scheme_set',
  'assessment.exemplary_create',
  'assessment.exemplary_edit',
  'assessment.exemplary_delete',
  'assessment.evidence_add',
  'open311.key_issue',
  'open311.key_revoke',
  'open311.note_push',
] as const;

/** Every audited action: the own actions and `ticket.<step>` for every ticket step. */
export type AuditAction = (typeof auditOwnActions)[number] | `ticket.${TicketAction}`;

/** Every audited action as a list, for labels and checks. */
export const auditActions: readonly AuditAction[] = [
  ...auditOwnActions,
  ...ticketActions.map((a): AuditAction => `ticket.${a}`),
];

/** The kinds of record an entry is about; `audit_trail` is the trail itself (its reads). */
export const auditRecordTypes = [
  'staff',
  'ticket',
  'referral',
  'policy',
  'calendar',
  'audit_trail',
  'placard',
  'building',
  'mediation',
  'visit',
  'visit_target',
  'meeting',
  'case',
  'reinspection',
  'credit_repair',
  'matter',
  'qa_entry',
  'suggestion',
  'suggestion_campaign',
  'suggestion_settings',
  'education_item',
  'education_event',
  'survey_campaign',
  'assessment_scheme',
  'assessment_exemplary',
  'open311_key',
] as const;
export const auditRecordTypeSchema = z.enum(auditRecordTypes);
export type AuditRecordType = z.infer<typeof auditRecordTypeSchema>;

/**
 * What an entry notes besides who, what and which record: field NAMES and codes, never the
 * values of personal data (a phone number, a name, a description).
 */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null | string[]>>;

const optionalId = z.string().trim().max(64).optional();

/** The filters of the audit trail; empty values mean no filter; an unknown key is refused. */
export const auditQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  actorId: optionalId,
  recordType: z.string().trim().max(40).optional(),
  recordId: optionalId,
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

const detailValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
]);

/** One entry as the workbench shows it, with the acting staff member's name and badge. */
export const auditEntrySchema = z.object({
  seq: z.number(),
  at: instantSchema,
  actor: z.object({
    /** As stored; an unknown kind is shown as it is, not hidden. */
    kind: z.string(),
    id: z.string().nullable(),
    name: z.string().nullable(),
    badgeNo: z.string().nullable(),
  }),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  detail: z.record(z.string(), detailValueSchema),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** One page of the trail, newest first. */
export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** A person who appears in the trail, for the person filter. */
export const auditActorSchema = z.object({
  id: z.string(),
  name: z.string(),
  badgeNo: z.string().nullable(),
  role: z.string(),
});
export const auditActorListSchema = z.object({ items: z.array(auditActorSchema) });
export type AuditActor = z.infer<typeof auditActorSchema>;
