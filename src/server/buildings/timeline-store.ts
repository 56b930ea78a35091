// SQL of a building's timeline: each source read newest first, older than `before`, at most
// `limit` rows. What links a record to a building: tickets.building_id; a case through the
// ticket it was registered from; a visit or meeting through the tickets it filed or settled; a
// mediation through its source ticket; placards through placards.building_id and the token
// history. A patrol case without a ticket names only a place in words and is not linked.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which part of a timeline to read: older than `before` (all when null), at most `limit`. */
export interface Window {
  before: string | null;
  limit: number;
}

function ticketsOf(db: Executor, buildingId: string) {
  return db
    .selectFrom('tickets')
    .select('tickets.id')
    .where('tickets.building_id', '=', buildingId);
}

function ticketRows(db: Executor) {
  return db
    .selectFrom('tickets')
    .leftJoin('matters', 'matters.code', 'tickets.matter_code')
    .select([
      'tickets.id',
      'tickets.tracking_code',
      'tickets.status',
      'tickets.kind',
      'tickets.channel',
      'tickets.outcome',
      'tickets.matter_code',
      'matters.name as matter_name',
      'matters.name_en as matter_name_en',
    ]);
}

/** Tickets filed, resolved (the latest resolution) and ended (closed, declined, merged). */
export async function ticketMoments(db: Executor, buildingId: string, w: Window) {
  const column = { filed: 'created_at', resolved: 'resolved_at', ended: 'closed_at' } as const;
  const read = (moment: keyof typeof column) =>
    ticketRows(db)
      .select(`tickets.${column[moment]} as at`)
      .where('tickets.building_id', '=', buildingId)
      .where(`tickets.${column[moment]}`, 'is not', null)
      .$if(w.before !== null, (q) => q.where(`tickets.${column[moment]}`, '<', w.before ?? ''))
      .orderBy(`tickets.${column[moment]}`, 'desc')
      .limit(w.limit)
      .execute();
  const [filed, resolved, ended] = await Promise.all([
    read('filed'),
    read('resolved'),
    read('ended'),
  ]);
  return { filed, resolved, ended };
}

function caseRows(db: Executor, buildingId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('tickets', 'tickets.id', 'cases.ticket_id')
    .leftJoin('matters', 'matters.code', 'cases.matter_code')
    .select([
      'cases.id',
      'cases.case_no',
      'cases.status',
      'cases.decision_kind',
      'cases.matter_code',
      'matters.name as matter_name',
      'matters.name_en as matter_name_en',
      'tickets.id as ticket_id',
      'tickets.tracking_code',
    ])
    .where('tickets.building_id', '=', buildingId);
}

/** Cases registered from the building's tickets: registered, decided, closed, cancelled. */
export async function caseMoments(db: Executor, buildingId: string, w: Window) {
  const read = (column: 'registered_at' | 'closed_at' | 'cancelled_at') =>
    caseRows(db, buildingId)
      .select(`cases.${column} as at`)
      .where(`cases.${column}`, 'is not', null)
      .$if(w.before !== null, (q) => q.where(`cases.${column}`, '<', w.before ?? ''))
      .orderBy(`cases.${column}`, 'desc')
      .limit(w.limit)
      .execute();
  const decided = caseRows(db, buildingId)
    .innerJoin('case_events', 'case_events.case_id', 'cases.id')
    .select(['case_events.at as at', 'cases.decided_on'])
    .where('case_events.type', '=', 'decide')
    .$if(w.before !== null, (q) => q.where('case_events.at', '<', w.before ?? ''))
    .orderBy('case_events.at', 'desc')
    .limit(w.limit)
    .execute();
  const [registered, closed, cancelled, decisions] = await Promise.all([
    read('registered_at'),
    read('closed_at'),
    read('cancelled_at'),
    decided,
  ]);
  return { registered, decided: decisions, closed, cancelled };
}

/** Visits that filed tickets of the building: one row per ticket filed. */
export function visitRows(db: Executor, buildingId: string, w: Window) {
  return db
    .selectFrom('visit_tickets')
    .innerJoin('visits', 'visits.id', 'visit_tickets.visit_id')
    .innerJoin('tickets', 'tickets.id', 'visit_tickets.ticket_id')
    .select([
      'visits.id',
      'visits.created_at as at',
      'visits.visit_date',
      'tickets.id as ticket_id',
      'tickets.tracking_code',
    ])
    .where('tickets.building_id', '=', buildingId)
    .$if(w.before !== null, (q) => q.where('visits.created_at', '<', w.before ?? ''))
    .orderBy('visits.created_at', 'desc')
    .limit(w.limit)
    .execute();
}

/** Meetings that filed or settled tickets of the building: one row per ticket linked. */
export function meetingRows(db: Executor, buildingId: string, w: Window) {
  return db
    .selectFrom('meeting_tickets')
    .innerJoin('meetings', 'meetings.id', 'meeting_tickets.meeting_id')
    .innerJoin('tickets', 'tickets.id', 'meeting_tickets.ticket_id')
    .select([
      'meetings.id',
      'meetings.created_at as at',
      'meetings.meeting_date',
      'meetings.kind',
      'meeting_tickets.link',
      'tickets.id as ticket_id',
      'tickets.tracking_code',
    ])
    .where('tickets.building_id', '=', buildingId)
    .$if(w.before !== null, (q) => q.where('meetings.created_at', '<', w.before ?? ''))
    .orderBy('meetings.created_at', 'desc')
    .limit(w.limit)
    .execute();
}

/** Mediations opened from the building's tickets: opened, and concluded. */
export async function mediationMoments(db: Executor, buildingId: string, w: Window) {
  const read = (column: 'opened_at' | 'concluded_at') =>
    db
      .selectFrom('mediations')
      .innerJoin('tickets', 'tickets.id', 'mediations.source_id')
      .select([
        'mediations.id',
        `mediations.${column} as at`,
        'mediations.number_year',
        'mediations.number_seq',
        'mediations.status',
        'mediations.outcome_kind',
        'tickets.id as ticket_id',
        'tickets.tracking_code',
      ])
      .where('mediations.source_kind', '=', 'ticket')
      .where('mediations.source_id', 'in', ticketsOf(db, buildingId))
      .where(`mediations.${column}`, 'is not', null)
      .$if(w.before !== null, (q) => q.where(`mediations.${column}`, '<', w.before ?? ''))
      .orderBy(`mediations.${column}`, 'desc')
      .limit(w.limit)
      .execute();
  const [opened, concluded] = await Promise.all([read('opened_at'), read('concluded_at')]);
  return { opened, concluded };
}

/** Placard points added and printed (the last print), their checks, and QR code rotations. */
export async function placardMoments(db: Executor, buildingId: string, w: Window) {
  const read = (column: 'created_at' | 'printed_at') =>
    db
      .selectFrom('placards')
      .select(['placards.id', 'placards.point_no', `placards.${column} as at`])
      .where('placards.building_id', '=', buildingId)
      .where(`placards.${column}`, 'is not', null)
      .$if(w.before !== null, (q) => q.where(`placards.${column}`, '<', w.before ?? ''))
      .orderBy(`placards.${column}`, 'desc')
      .limit(w.limit)
      .execute();
  const checks = db
    .selectFrom('placard_checks')
    .innerJoin('placards', 'placards.id', 'placard_checks.placard_id')
    .select([
      'placards.id',
      'placards.point_no',
      'placard_checks.id as check_id',
      'placard_checks.checked_at as at',
      'placard_checks.result',
    ])
    .where('placards.building_id', '=', buildingId)
    .$if(w.before !== null, (q) => q.where('placard_checks.checked_at', '<', w.before ?? ''))
    .orderBy('placard_checks.checked_at', 'desc')
    .limit(w.limit)
    .execute();
  const rotations = db
    .selectFrom('placard_token_history')
    .select(['placard_token_history.replaced_at as at'])
    .where('placard_token_history.building_id', '=', buildingId)
    .$if(w.before !== null, (q) =>
      q.where('placard_token_history.replaced_at', '<', w.before ?? ''),
    )
    .orderBy('placard_token_history.replaced_at', 'desc')
    .limit(w.limit)
    .execute();
  const [added, printed, checked, rotated] = await Promise.all([
    read('created_at'),
    read('printed_at'),
    checks,
    rotations,
  ]);
  return { added, printed, checked, rotated };
}

/** Re-inspections of the building: scheduled and done; flags set and cleared. */
export async function ownMoments(db: Executor, buildingId: string, w: Window) {
  const reinspections = (column: 'created_at' | 'done_at') =>
    db
      .selectFrom('reinspections')
      .innerJoin('cases', 'cases.id', 'reinspections.case_id')
      .leftJoin('matters', 'matters.code', 'reinspections.matter_code')
      .select([
        'reinspections.id',
        `reinspections.${column} as at`,
        'reinspections.due_on',
        'reinspections.done_on',
        'reinspections.status',
        'reinspections.result',
        'reinspections.matter_code',
        'matters.name as matter_name',
        'matters.name_en as matter_name_en',
        'cases.case_no',
      ])
      .where('reinspections.building_id', '=', buildingId)
      .where(`reinspections.${column}`, 'is not', null)
      .$if(w.before !== null, (q) => q.where(`reinspections.${column}`, '<', w.before ?? ''))
      .orderBy(`reinspections.${column}`, 'desc')
      .limit(w.limit)
      .execute();
  const flags = (column: 'flagged_at' | 'cleared_at') =>
    db
      .selectFrom('building_flags')
      .leftJoin('matters', 'matters.code', 'building_flags.matter_code')
      .select([
        'building_flags.id',
        `building_flags.${column} as at`,
        'building_flags.reason',
        'building_flags.matter_code',
        'matters.name as matter_name',
        'matters.name_en as matter_name_en',
      ])
      .where('building_flags.building_id', '=', buildingId)
      .where(`building_flags.${column}`, 'is not', null)
      .$if(w.before !== null, (q) => q.where(`building_flags.${column}`, '<', w.before ?? ''))
      .orderBy(`building_flags.${column}`, 'desc')
      .limit(w.limit)
      .execute();
  const [scheduled, done, flagged, cleared] = await Promise.all([
    reinspections('created_at'),
    reinspections('done_at'),
    flags('flagged_at'),
    flags('cleared_at'),
  ]);
  return { scheduled, done, flagged, cleared };
}
