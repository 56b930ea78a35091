// The access policy of the workbench, department and administrator routes: the staff roles each
// admits (enforced before validation) and, on one object, who sees it (access-policy.ts).
import type { StaffRole } from '../../contract/auth.js';
import { caseSteps } from '../../contract/cases.js';
import { mediationSteps } from '../../contract/mediations.js';
import { ticketActions as allTicketActions } from '../../contract/tickets.js';
import type { AccessPolicy, ObjectKind, ObjectScope, PolicyEntry } from './access-policy.js';

/** The officers of the street and bureau: liaison (网格员), street admin, bureau admin. */
const officers: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];
/** Those who record visits and meetings: the liaison and the street admin. */
const recorders: readonly StaffRole[] = ['liaison', 'street_admin'];
const admins: readonly StaffRole[] = ['street_admin', 'bureau_admin'];
const bureau: readonly StaffRole[] = ['bureau_admin'];
/** Who reads the figures: the admins and the auditor (who changes nothing). */
const readers: readonly StaffRole[] = ['street_admin', 'bureau_admin', 'auditor'];
const auditReaders: readonly StaffRole[] = ['auditor', 'bureau_admin'];
/** Who reads tickets: the officers, and the auditor (who changes nothing). */
const ticketReaders: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin', 'auditor'];
/** Every staff role but the department: the calendar. */
const notDepartment: readonly StaffRole[] = [
  'liaison',
  'street_admin',
  'bureau_admin',
  'auditor',
  'system_admin',
  'security_admin',
];
const department: readonly StaffRole[] = ['department'];
const system: readonly StaffRole[] = ['system_admin'];
const security: readonly StaffRole[] = ['security_admin'];

function only(who: readonly StaffRole[]): PolicyEntry {
  return { who };
}

function on(who: readonly StaffRole[], kind: ObjectKind, scope: ObjectScope): PolicyEntry {
  return { who, object: { kind, scope } };
}

/** The staff's steps on a ticket; rating and reopening are the resident's (the public routes). */
const ticketActions = allTicketActions.filter((a) => a !== 'rate' && a !== 'reopen');

function each(
  names: readonly string[],
  key: (name: string) => string,
  entry: PolicyEntry,
): AccessPolicy {
  return Object.fromEntries(names.map((name) => [key(name), entry]));
}

/** Tickets, referrals, mediation, placards, field work and the calendar. */
const workbench: AccessPolicy = {
  'GET /api/staff/tickets': only(ticketReaders),
  'GET /api/staff/tickets/:id': on(ticketReaders, 'ticket', 'own'),
  'GET /api/staff/tickets/:id/photos/:photoId': on(ticketReaders, 'ticket', 'own'),
  ...each(
    ticketActions,
    (a) => `POST /api/staff/tickets/:id/actions/${a}`,
    on(officers, 'ticket', 'own'),
  ),
  'GET /api/staff/liaisons': only(admins),
  'GET /api/staff/rooms': only(admins),
  'POST /api/staff/tickets/search-by-phone': only(admins),
  'POST /api/staff/tickets/:id/reporter/reveal': on(officers, 'ticket', 'own'),
  'GET /api/staff/tickets/:id/qa-draft': on(officers, 'ticket', 'own'),
  'GET /api/staff/tickets/:id/field-work': on(officers, 'ticket', 'own'),

  'GET /api/staff/calendar': only(notDepartment),
  'PUT /api/staff/calendar/overrides/:date': on(bureau, 'calendar_day', 'district'),
  'DELETE /api/staff/calendar/overrides/:date': on(bureau, 'calendar_day', 'district'),
  'PUT /api/staff/calendar/years/:year': on(bureau, 'calendar_day', 'district'),
  'GET /api/staff/deadline-policies': only(admins),
  'POST /api/staff/deadline-policies': only(bureau),
  'GET /api/staff/notifications': only(admins),
  'GET /api/staff/audit': only(auditReaders),
  'GET /api/staff/audit/actors': only(auditReaders),

  'GET /api/staff/departments': only(officers),
  'GET /api/staff/tickets/:id/referrals': on(officers, 'ticket', 'own'),
  'POST /api/staff/tickets/:id/referrals': on(officers, 'ticket', 'own'),
  'POST /api/staff/referrals/:id/retry': on(officers, 'referral', 'own'),
  'GET /api/staff/referrals/:id/photos/:photoId': on(officers, 'referral', 'own'),
  'GET /api/dept/referrals': only(department),
  'GET /api/dept/referrals/:id': on(department, 'referral', 'own'),
  'POST /api/dept/referrals/:id/accept': on(department, 'referral', 'own'),
  'POST /api/dept/referrals/:id/decline': on(department, 'referral', 'own'),
  'POST /api/dept/referrals/:id/answer': on(department, 'referral', 'own'),
  'GET /api/dept/referrals/:id/photos/:photoId': on(department, 'referral', 'own'),
  'POST /api/dept/photos': only(department),
  'GET /api/dept/buildings': only(department),
  'POST /api/dept/clues': only(department),

  'GET /api/staff/mediations': only(officers),
  'POST /api/staff/mediations': only(officers),
  'GET /api/staff/mediations/:id': on(officers, 'mediation', 'own'),
  'GET /api/staff/mediations/:id/agreement.pdf': on(officers, 'mediation', 'own'),
  ...each(
    mediationSteps,
    (s) => `POST /api/staff/mediations/:id/steps/${s}`,
    on(officers, 'mediation', 'own'),
  ),

  'GET /api/staff/placards/pdf': only(officers),
  'GET /api/staff/placards/buildings/:id/pdf': on(officers, 'building', 'own'),
  'POST /api/staff/placards/mark-printed': only(officers),
  'POST /api/staff/placards/buildings/:id/rotate-token': on(admins, 'building', 'street'),
  'GET /api/staff/placards/scopes': only(officers),
  'GET /api/staff/placards/register': only(officers),
  'POST /api/staff/placards/points': only(officers),
  'PATCH /api/staff/placards/points/:id': on(officers, 'placard_point', 'own'),
  'GET /api/staff/placards/points/:id/checks': on(officers, 'placard_point', 'own'),
  'POST /api/staff/placards/points/:id/checks': on(officers, 'placard_point', 'own'),

  'GET /api/staff/field-places': only(officers),
  // The bureau admin records no field work, so no community's buildings are theirs to pick.
  'GET /api/staff/field-places/:communityId/buildings': on(recorders, 'community', 'own'),
  'GET /api/staff/visit-compliance': only(officers),
  'GET /api/staff/visit-target': only(officers),
  'PUT /api/staff/visit-target': only(bureau),
  'GET /api/staff/visits': only(officers),
  'POST /api/staff/visits': only(recorders),
  'GET /api/staff/visits/:id': on(officers, 'visit', 'own'),
  'PATCH /api/staff/visits/:id': on(officers, 'visit', 'own'),
  'GET /api/staff/visits/:id/photos/:photoId': on(officers, 'visit', 'own'),
  'GET /api/staff/meetings': only(officers),
  'POST /api/staff/meetings': only(recorders),
  'GET /api/staff/meetings/:id': on(officers, 'meeting', 'own'),
  'PATCH /api/staff/meetings/:id': on(officers, 'meeting', 'own'),
};

/** Cases, buildings, credit repair, consultation, suggestions and education. */
const casework: AccessPolicy = {
  'GET /api/staff/cases': only(officers),
  'POST /api/staff/cases': only(officers),
  'GET /api/staff/cases/:id': on(officers, 'case', 'street'),
  ...each(caseSteps, (s) => `POST /api/staff/cases/:id/steps/${s}`, on(officers, 'case', 'street')),
  'POST /api/staff/cases/:id/evidence': on(officers, 'case', 'street'),
  'GET /api/staff/cases/:id/evidence/:photoId': on(officers, 'case', 'street'),
  'POST /api/staff/cases/:id/party/reveal': on(officers, 'case', 'street'),
  'GET /api/staff/case-streets': only(officers),
  'GET /api/staff/case-rules': only(officers),
  'PUT /api/staff/case-rules': only(bureau),

  'GET /api/staff/buildings': only(officers),
  'GET /api/staff/buildings/:id/file': on(officers, 'building', 'own'),
  'POST /api/staff/buildings/:id/flag/clear': on(admins, 'building', 'street'),
  'GET /api/staff/reinspections': only(officers),
  'POST /api/staff/reinspections/:id/result': on(officers, 'reinspection', 'own'),
  'GET /api/staff/reinspections/:id/photos/:photoId': on(officers, 'reinspection', 'own'),

  'GET /api/staff/credit/applications': only(officers),
  'GET /api/staff/credit/applications/:id': on(officers, 'credit_application', 'street'),
  'GET /api/staff/credit/applications/:id/files/:fileId': on(
    officers,
    'credit_application',
    'street',
  ),
  'GET /api/staff/credit/applications/:id/letter.pdf': on(officers, 'credit_application', 'street'),
  ...each(
    ['request_correction', 'accept', 'refuse', 'complete'],
    (s) => `POST /api/staff/credit/applications/:id/steps/${s}`,
    on(admins, 'credit_application', 'street'),
  ),
  'GET /api/staff/cases/:id/credit': on(officers, 'case', 'street'),
  'PUT /api/staff/cases/:id/credit-class': on(admins, 'case', 'street'),

  'POST /api/staff/qa': only(officers),
  'GET /api/staff/qa': only(officers),
  'GET /api/staff/qa/:id': on(officers, 'qa', 'street'),
  'PATCH /api/staff/qa/:id': on(officers, 'qa', 'street'),
  'POST /api/staff/qa/:id/unpublish': on(officers, 'qa', 'street'),
  'POST /api/staff/qa/:id/publish': on(officers, 'qa', 'street'),

  'POST /api/staff/suggestion-campaigns': only(bureau),
  'PUT /api/staff/suggestion-campaigns/:id/report': on(bureau, 'suggestion_campaign', 'district'),
  'GET /api/staff/suggestion-settings': only(admins),
  'PUT /api/staff/suggestion-settings': only(bureau),
  'GET /api/staff/suggestions': only(admins),
  'POST /api/staff/suggestions': only(admins),
  'GET /api/staff/suggestions/:id': on(admins, 'suggestion', 'street'),
  ...each(
    ['accept', 'handle', 'decide', 'personal_claim'],
    (s) => `POST /api/staff/suggestions/:id/steps/${s}`,
    on(admins, 'suggestion', 'street'),
  ),

  'POST /api/staff/education/images': only(officers),
  'POST /api/staff/education/videos': only(officers),
  'POST /api/staff/education/preview': only(officers),
  'POST /api/staff/education/items/:id/submit': on(officers, 'education_item', 'own'),
  'POST /api/staff/education/items/:id/approve': on(officers, 'education_item', 'street'),
  'POST /api/staff/education/items/:id/reject': on(officers, 'education_item', 'street'),
  'POST /api/staff/education/items/:id/unpublish': on(officers, 'education_item', 'street'),
  'GET /api/staff/education/events': only(officers),
  'POST /api/staff/education/events': only(officers),
  'GET /api/staff/education/events/:id': on(officers, 'education_event', 'street'),
  'PUT /api/staff/education/events/:id': on(officers, 'education_event', 'street'),
  'GET /api/staff/education/items': only(officers),
  'POST /api/staff/education/items': only(officers),
  'GET /api/staff/education/items/:id': on(officers, 'education_item', 'street'),
  'PUT /api/staff/education/items/:id': on(officers, 'education_item', 'own'),
};

/** The matter catalogue, assessment, surveys, dashboard, Open311 keys and the administrators. */
const administration: AccessPolicy = {
  'GET /api/staff/matters': only(officers),
  'GET /api/staff/matters/:code': on(officers, 'matter', 'district'),
  'POST /api/staff/matters': only(bureau),
  'PUT /api/staff/matters/:code': on(bureau, 'matter', 'district'),
  'POST /api/staff/matters/:code/retire': on(bureau, 'matter', 'district'),
  'POST /api/staff/matters/:code/restore': on(bureau, 'matter', 'district'),

  'GET /api/staff/assessment/scores': only(readers),
  'GET /api/staff/assessment/drilldown': only(readers),
  'GET /api/staff/assessment/export.xlsx': only(readers),
  'GET /api/staff/assessment/report.pdf': only(readers),
  'GET /api/staff/assessment/scheme': only(readers),
  'PUT /api/staff/assessment/scheme': only(bureau),
  'GET /api/staff/assessment/exemplary': only(readers),
  'POST /api/staff/assessment/exemplary': only(bureau),
  'PUT /api/staff/assessment/exemplary/:id': on(bureau, 'exemplary', 'district'),
  'DELETE /api/staff/assessment/exemplary/:id': on(bureau, 'exemplary', 'district'),
  'POST /api/staff/assessment/exemplary/:id/evidence': on(bureau, 'exemplary', 'district'),
  'GET /api/staff/assessment/exemplary/:id/evidence/:fileId': on(readers, 'exemplary', 'district'),

  'GET /api/staff/surveys': only(readers),
  'POST /api/staff/surveys': only(bureau),
  'GET /api/staff/surveys/:id/results': on(readers, 'survey', 'district'),

  ...each(
    ['trend', 'by-community', 'by-matter', 'ratings', 'overdue', 'records', 'streets'],
    (name) => `GET /api/staff/dashboard/${name}`,
    only(readers),
  ),

  'GET /api/staff/open311/keys': only(bureau),
  'POST /api/staff/open311/keys': only(bureau),
  'POST /api/staff/open311/keys/:id/revoke': on(bureau, 'open311_key', 'district'),

  'GET /api/admin/staff': only(system),
  'POST /api/admin/staff': only(system),
  'POST /api/admin/staff/:id/disable': on(system, 'staff_account', 'district'),
  'POST /api/admin/staff/:id/enable': on(system, 'staff_account', 'district'),
  'POST /api/admin/staff/:id/password': on(system, 'staff_account', 'district'),
  'GET /api/security/lockouts': only(security),
  'GET /api/security/staff': only(security),
  'POST /api/security/staff/:id/unlock': on(security, 'staff_account', 'district'),
  'POST /api/security/staff/:id/end-sessions': on(security, 'staff_account', 'district'),
  'POST /api/security/staff/:id/totp-reset': on(security, 'staff_account', 'district'),
};

/** Every staff route's entry. */
export const staffRoutePolicy: AccessPolicy = { ...workbench, ...casework, ...administration };
