// Fills the tickets table fast: rows from ticketRow, many to one statement, in transactions.
import { sql } from 'kysely';
import { dashboardTicketIndexes } from '../src/server/db/migrations/0021-surveys.js';
import type { DatabaseHandle } from '../src/server/db/database.js';
import { generator, pick } from './ticket-mix.js';
import { ticketRow, type TicketFacts, type TicketPlace } from './ticket-rows.js';

const DAY = 24 * 3600_000;
const ratings = ['satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'];
const outcomes = [
  'answered',
  'corrected',
  'corrected',
  'mediated',
  'referred',
  'not_substantiated',
];
const assessments = ['solved', 'solved', 'explained', 'unsolvable'];

/** The facts of one ticket: two years back from now, most resolved, a few overdue. */
function factsOf(random: () => number, now: Date, matters: string[]): TicketFacts {
  const created = now.getTime() - Math.floor(random() * 730 * DAY);
  const due = created + (5 + Math.floor(random() * 15)) * DAY;
  const iso = (ms: number) => new Date(ms).toISOString();
  const base = { createdAt: iso(created), resolveDueAt: iso(due) };
  const matterCode = random() < 0.1 ? null : pick(matters, random());
  const state = random();
  // Open: the last two weeks' tickets, and a few stragglers (0.2 %) left overdue for months.
  if (state < 0.002 || created > now.getTime() - 14 * DAY) {
    return { ...base, matterCode, status: pick(['submitted', 'accepted', 'contacted'], random()) };
  }
  const resolvedAt = Math.min(now.getTime(), created + Math.floor(random() * 25 * DAY));
  return {
    ...base,
    matterCode,
    status: random() < 0.5 ? 'closed' : 'resolved',
    resolvedAt: iso(resolvedAt),
    rating: random() < 0.7 ? pick(ratings, random()) : null,
    outcome: pick(outcomes, random()),
    handlerAssessment: pick(assessments, random()),
    citizenSolved: random() < 0.6 ? (random() < 0.8 ? 1 : 0) : null,
  };
}

async function placesOf(handle: DatabaseHandle): Promise<TicketPlace[]> {
  const rows = await handle.db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('rooms', 'rooms.community_id', 'communities.id')
    .select(['buildings.id as building_id', 'rooms.id as room_id', 'communities.street_id'])
    .execute();
  return rows.map((r) => ({ buildingId: r.building_id, roomId: r.room_id, streetId: r.street_id }));
}

/** Inserts `count` tickets in batches, 500 rows to a statement, 100 statements to a transaction. */
export async function fillTickets(handle: DatabaseHandle, count: number, now: Date): Promise<void> {
  const places = await placesOf(handle);
  const matters = (await handle.db.selectFrom('matters').select('code').execute()).map(
    (m) => m.code,
  );
  const random = generator(20_261_201);
  const perStatement = handle.kind === 'postgres' ? 1000 : 500;
  // A throwaway file: no fsync while filling; the queries are timed with the usual setting back.
  if (handle.kind === 'sqlite') {
    await sql`pragma synchronous = OFF`.execute(handle.db);
  }
  // The dashboard's indexes are built once after the fill, which is faster than keeping them up.
  for (const [name] of dashboardTicketIndexes) {
    await handle.db.schema.dropIndex(name).execute();
  }
  for (let done = 0; done < count;) {
    await handle.db.transaction().execute(async (trx) => {
      for (let s = 0; s < 100 && done < count; s++) {
        const n = Math.min(perStatement, count - done);
        const rows = Array.from({ length: n }, () =>
          ticketRow(pick(places, random()), factsOf(random, now, matters)),
        );
        await trx.insertInto('tickets').values(rows).execute();
        done += n;
      }
    });
  }
  for (const [name, columns] of dashboardTicketIndexes) {
    await handle.db.schema.createIndex(name).on('tickets').columns(columns).execute();
  }
  if (handle.kind === 'sqlite') {
    await sql`pragma synchronous = FULL`.execute(handle.db);
  }
}
