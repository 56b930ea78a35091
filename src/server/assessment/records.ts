// The records of one period as the indicators read them, loaded once for every street (or for
// one street in a drill-down), and each indicator's counts and records drawn from them.
import type { DrilldownRecord, IndicatorKey } from '../../contract/assessment.js';
import { periodDenominator, type IndicatorCounts } from '../../domain/assessment/indicators.js';
import { assessedWeeks, periodDates, type Period } from '../../domain/assessment/period.js';
import {
  caseMembership,
  tally,
  ticketMembership,
  type Membership,
} from '../../domain/assessment/records.js';
import { targetForWeek } from '../../domain/field-work-rules.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import { readLimits } from '../cases/limits.js';
import type { Db } from '../db/database.js';
import * as store from './store.js';

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** Everything one period's indicators count. */
export interface PeriodRecords {
  period: Period;
  now: string;
  tickets: Rows<typeof store.listTickets>;
  cases: (Rows<typeof store.listDecidedCases>[number] & { lastDay: string | null })[];
  events: Rows<typeof store.listEvents>;
  buildings: (Rows<typeof store.listBuildings>[number] & { covered: boolean })[];
  liaisonWeeks: {
    id: string;
    label: string;
    streetId: string;
    week: string;
    visits: number;
    target: number;
  }[];
  exemplary: (Rows<typeof store.listExemplary>[number] & { evidence: number })[];
}

/** A placard counts while no check before the period's end found it damaged, missing or stale. */
function placardStands(lastCheck: { result: string } | null): boolean {
  return lastCheck === null || lastCheck.result === 'ok';
}

async function loadBuildings(db: Db, period: Period, streetId?: string) {
  const to = period.to.toISOString();
  const [buildings, placards] = await Promise.all([
    store.listBuildings(db, to, streetId),
    store.listPrintedPlacards(db, to),
  ]);
  const covered = new Set(
    placards.filter((p) => placardStands(p.lastCheck)).map((p) => p.building_id),
  );
  return buildings.map((b) => ({ ...b, covered: covered.has(b.id) }));
}

async function loadLiaisonWeeks(db: Db, period: Period, now: Date, streetId?: string) {
  const weeks = assessedWeeks(period, shanghaiDate(now));
  const [liaisons, counts, targets] = await Promise.all([
    store.listLiaisons(db, streetId),
    store.countVisits(db, weeks),
    store.listVisitTargets(db),
  ]);
  const visits = new Map(counts.map((c) => [`${c.liaisonId}/${c.week}`, c.visits]));
  const weekly = targets.map((t) => ({ fromWeek: t.from_week, target: t.weekly_target }));
  return liaisons.flatMap((l) =>
    weeks.map((week) => ({
      id: `${l.id}/${week}`,
      label: `${l.name} ${week}`,
      streetId: l.street_id ?? '',
      week,
      visits: visits.get(`${l.id}/${week}`) ?? 0,
      target: targetForWeek(weekly, week),
    })),
  );
}

/** Which records to load: of every street or of one; with the tickets or without. */
export interface RecordScope {
  streetId?: string;
  /** The scores count the tickets in the database (ticket-counts.ts) and leave them out here. */
  tickets: boolean;
}

/** Loads the records of a period in a scope. */
export async function loadPeriodRecords(
  db: Db,
  period: Period,
  now: Date,
  scope: RecordScope,
): Promise<PeriodRecords> {
  const { streetId } = scope;
  const range = {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    ...periodDates(period),
  };
  const [tickets, cases, events, buildings, liaisonWeeks, exemplary] = await Promise.all([
    scope.tickets ? store.listTickets(db, range, streetId) : [],
    store.listDecidedCases(db, range, streetId),
    store.listEvents(db, range, streetId),
    loadBuildings(db, period, streetId),
    loadLiaisonWeeks(db, period, now, streetId),
    store.listExemplary(db, range, streetId),
  ]);
  const evidence = await store.listEvidence(
    db,
    exemplary.map((e) => e.id),
  );
  return {
    period,
    now: now.toISOString(),
    tickets,
    cases: cases.map((c) => ({ ...c, lastDay: readLimits(c).decision?.lastDay ?? null })),
    events,
    buildings,
    liaisonWeeks,
    exemplary: exemplary.map((e) => ({
      ...e,
      evidence: evidence.filter((f) => f.exemplary_id === e.id).length,
    })),
  };
}

type Entry = DrilldownRecord & { streetId: string; membership: Membership };

function ticketEntries(r: PeriodRecords, key: IndicatorKey): Entry[] {
  return r.tickets.map((t) => {
    const membership = ticketMembership(
      key,
      {
        channel: t.channel,
        createdAt: t.created_at,
        firstContactAt: t.first_contact_at,
        firstContactDueAt: t.first_contact_due_at,
        resolvedAt: t.resolved_at,
        resolveDueAt: t.resolve_due_at,
        resolvedTier: t.resolved_tier,
        rating: t.rating,
      },
      r.now,
    );
    return {
      kind: 'ticket',
      id: t.id,
      label: t.tracking_code,
      status: t.status,
      counted: membership.counts,
      times: {
        createdAt: t.created_at,
        firstContactDueAt: t.first_contact_due_at,
        firstContactAt: t.first_contact_at,
        resolveDueAt: t.resolve_due_at,
        resolvedAt: t.resolved_at,
        tier: t.resolved_tier,
        channel: t.channel,
        rating: t.rating,
        // The handler's own outcome, shown beside the resident's rating and never scored.
        outcome: t.outcome,
      },
      value: null,
      streetId: t.street_id,
      membership,
    };
  });
}

function caseEntries(r: PeriodRecords): Entry[] {
  return r.cases.map((c) => {
    const membership = caseMembership(c.decided_on ?? '', c.lastDay);
    return {
      kind: 'case',
      id: c.id,
      label: c.case_no,
      status: c.status,
      counted: membership.counts,
      times: { registeredOn: c.registered_on, decidedOn: c.decided_on, decisionLastDay: c.lastDay },
      value: null,
      streetId: c.street_id,
      membership,
    };
  });
}

const counted: Membership = { in: true, counts: true };

function eventEntries(r: PeriodRecords): Entry[] {
  return r.events.map((e) => ({
    kind: 'event',
    id: e.id,
    label: e.title,
    status: null,
    counted: true,
    times: { eventDate: e.event_date },
    value: e.attendance,
    streetId: e.street_id ?? '',
    membership: counted,
  }));
}

function otherEntries(r: PeriodRecords, key: IndicatorKey): Entry[] {
  switch (key) {
    case 'placard_coverage':
      return r.buildings.map((b) => ({
        kind: 'building',
        id: b.id,
        label: b.name,
        status: null,
        counted: b.covered,
        times: {},
        value: null,
        streetId: b.street_id,
        membership: { in: true, counts: b.covered },
      }));
    case 'visit_compliance':
      return r.liaisonWeeks.map((w) => ({
        kind: 'visit_week',
        id: w.id,
        label: w.label,
        status: null,
        counted: w.visits >= w.target,
        times: { week: w.week },
        value: w.visits,
        streetId: w.streetId,
        membership: { in: true, counts: w.visits >= w.target },
      }));
    case 'exemplary_work':
      return r.exemplary.map((e) => ({
        kind: 'exemplary',
        id: e.id,
        label: e.title,
        status: null,
        counted: e.evidence > 0,
        times: { recognisedOn: e.recognised_on },
        value: e.evidence,
        streetId: e.street_id,
        membership: { in: true, counts: e.evidence > 0 },
      }));
    default:
      return [];
  }
}

/** The records behind one indicator, for every street; the survey has none to list. */
export function indicatorEntries(r: PeriodRecords, key: IndicatorKey): Entry[] {
  switch (key) {
    case 'first_contact_on_time':
    case 'resolved_on_time':
    case 'community_tier_share':
    case 'online_channel_share':
    case 'ticket_satisfaction':
      return ticketEntries(r, key).filter((e) => e.membership.in);
    case 'case_decided_in_limit':
      return caseEntries(r).filter((e) => e.membership.in);
    case 'education_events':
    case 'education_attendance':
      return eventEntries(r);
    default:
      return otherEntries(r, key);
  }
}

// The scores ask every street for every indicator: each indicator's entries are built once per
// loaded period and grouped by street, not rebuilt for each street (docs/performance.md).
const streetEntries = new WeakMap<PeriodRecords, Map<IndicatorKey, Map<string, Entry[]>>>();

function entriesByStreet(r: PeriodRecords, key: IndicatorKey): Map<string, Entry[]> {
  const byKey = streetEntries.get(r) ?? new Map<IndicatorKey, Map<string, Entry[]>>();
  streetEntries.set(r, byKey);
  let byStreet = byKey.get(key);
  if (!byStreet) {
    byStreet = new Map();
    for (const entry of indicatorEntries(r, key)) {
      const list = byStreet.get(entry.streetId) ?? [];
      list.push(entry);
      byStreet.set(entry.streetId, list);
    }
    byKey.set(key, byStreet);
  }
  return byStreet;
}

/** An indicator's counts for one street from its records (the survey is counted apart). */
export function indicatorCounts(
  r: PeriodRecords,
  key: IndicatorKey,
  streetId: string,
): IndicatorCounts {
  const entries = entriesByStreet(r, key).get(streetId) ?? [];
  switch (key) {
    case 'education_events':
      return {
        numerator: entries.length,
        denominator: periodDenominator('per_month', r.period.months),
      };
    case 'education_attendance':
      return {
        numerator: entries.reduce((sum, e) => sum + (e.value ?? 0), 0),
        denominator: entries.length,
      };
    case 'exemplary_work':
      return {
        numerator: tally(entries.map((e) => e.membership)).numerator,
        denominator: periodDenominator('per_quarter', r.period.months),
      };
    default:
      return tally(entries.map((e) => e.membership));
  }
}
