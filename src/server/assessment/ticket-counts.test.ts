import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratings, tiers, ticketChannels } from '../../contract/tickets.js';
import { parsePeriod, type Period } from '../../domain/assessment/period.js';
import { ticketIndicators } from '../../domain/assessment/records.js';
import type { Db, DatabaseHandle } from '../db/database.js';
import { newId } from '../ids.js';
import {
  createPlacardScene,
  openTestDatabase,
  type PlacardScene,
} from '../../../test/factories.js';
import { indicatorCounts, loadPeriodRecords } from './records.js';
import { countTicketIndicators } from './ticket-counts.js';

let handle: DatabaseHandle;
let scenes: PlacardScene[];
let anchor: string;

/** Instants at the edges of 2026-Q3 (Shanghai) and of the two clocks, a millisecond apart. */
const instants = [
  '2026-06-30T15:59:59.999Z',
  '2026-06-30T16:00:00.000Z',
  '2026-08-01T00:00:00.000Z',
  '2026-08-01T00:00:00.001Z',
  '2026-09-30T15:59:59.999Z',
  '2026-09-30T16:00:00.000Z',
  '2026-10-15T04:00:00.000Z',
];

const instant = fc.constantFrom(...instants);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const ticketSpec = fc.record({
  scene: fc.nat({ max: 1 }),
  status: fc.constantFrom('submitted', 'contacted', 'closed', 'merged', 'declined'),
  merged: fc.boolean(),
  channel: fc.constantFrom(...ticketChannels),
  created: instant,
  firstContactDue: maybe(instant),
  firstContact: maybe(instant),
  resolveDue: instant,
  resolved: maybe(instant),
  tier: maybe(fc.constantFrom(...tiers)),
  rating: maybe(fc.constantFrom(...ratings)),
});

type TicketSpec = typeof ticketSpec extends fc.Arbitrary<infer T> ? T : never;

function ticketRow(spec: TicketSpec, scene: PlacardScene, code: string) {
  const id = newId();
  return {
    id,
    tracking_code: code,
    access_hash: `counts-access-${id}`,
    request_hash: `counts-request-${id}`,
    kind: 'complaint',
    status: spec.status,
    tier: spec.tier ?? 'community',
    channel: spec.channel,
    description: '测试工单',
    building_id: scene.building.id,
    room_id: scene.room.id,
    street_id: scene.street.id,
    created_at: spec.created,
    updated_at: spec.created,
    first_contact_at: spec.firstContact,
    first_contact_due_at: spec.firstContactDue,
    resolved_at: spec.resolved,
    resolve_due_at: spec.resolveDue,
    calendar_fallback: 0,
    rating: spec.rating,
    event_count: 1,
    resolved_tier: spec.resolved ? spec.tier : null,
    merged_into_id: spec.merged ? anchor : null,
  };
}

/** Replaces every ticket but the anchor with these. */
async function placeTickets(db: Db, specs: TicketSpec[]): Promise<void> {
  await db.deleteFrom('tickets').where('id', '!=', anchor).execute();
  if (specs.length === 0) {
    return;
  }
  const rows = specs.map((spec, i) => {
    const scene = scenes[spec.scene] ?? scenes[0];
    if (!scene) {
      throw new Error('no scene');
    }
    return ticketRow(spec, scene, `TC${String(i).padStart(6, '0')}`);
  });
  await db.insertInto('tickets').values(rows).execute();
}

/** Each street's ticket indicator counts from the loaded records, as the drill-down counts. */
async function recordCounts(db: Db, period: Period, now: Date) {
  const records = await loadPeriodRecords(db, period, now, { tickets: true });
  return scenes.map((s) =>
    ticketIndicators.map((key) => [key, indicatorCounts(records, key, s.street.id)]),
  );
}

async function databaseCounts(db: Db, period: Period, now: Date) {
  const streetIds = scenes.map((s) => s.street.id);
  const counts = await countTicketIndicators(db, period, now, streetIds);
  return streetIds.map((id) =>
    ticketIndicators.map((key) => [key, counts.get(id)?.[key] ?? { numerator: 0, denominator: 0 }]),
  );
}

beforeAll(async () => {
  handle = await openTestDatabase();
  scenes = [
    await createPlacardScene(handle.db, { liaisons: 0 }),
    await createPlacardScene(handle.db, { liaisons: 0 }),
  ];
  const [first] = scenes;
  if (!first) {
    throw new Error('no scene');
  }
  // A ticket of 2025 for the duplicates to be merged into; it is never in the period.
  const row = ticketRow(
    {
      scene: 0,
      status: 'closed',
      merged: false,
      channel: 'placard',
      created: '2025-01-01T00:00:00.000Z',
      firstContactDue: null,
      firstContact: null,
      resolveDue: '2025-01-10T00:00:00.000Z',
      resolved: null,
      tier: null,
      rating: null,
    },
    first,
    'TCANCHOR',
  );
  anchor = row.id;
  await handle.db.insertInto('tickets').values(row).execute();
});

afterAll(async () => {
  await handle.close();
});

describe('the ticket indicators counted by the database', () => {
  const period = parsePeriod('2026-Q3');

  it('equal the counts of the records the drill-down lists, for any tickets', async () => {
    if (!period) {
      throw new Error('no period');
    }
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketSpec, { maxLength: 24 }),
        fc.constantFrom('2026-08-01T00:00:00.000Z', '2026-10-15T04:00:00.000Z'),
        async (specs, clock) => {
          await placeTickets(handle.db, specs);
          const now = new Date(clock);
          expect(await databaseCounts(handle.db, period, now)).toEqual(
            await recordCounts(handle.db, period, now),
          );
        },
      ),
      { numRuns: 60, seed: 20261204 },
    );
  });

  it('leaves out duplicates, declined tickets and those of other periods', async () => {
    if (!period) {
      throw new Error('no period');
    }
    const base = fc.sample(ticketSpec, { numRuns: 1, seed: 7 })[0];
    if (!base) {
      throw new Error('no sample');
    }
    const inQ3: TicketSpec = {
      ...base,
      status: 'closed',
      merged: false,
      created: '2026-08-01T00:00:00.000Z',
    };
    await placeTickets(handle.db, [
      { ...inQ3, merged: true },
      { ...inQ3, status: 'merged' },
      { ...inQ3, status: 'declined' },
      { ...inQ3, created: '2026-06-30T15:59:59.999Z' },
      { ...inQ3, created: '2026-09-30T16:00:00.000Z' },
    ]);
    const streetIds = scenes.map((s) => s.street.id);
    const now = new Date('2026-10-15T04:00:00.000Z');
    expect((await countTicketIndicators(handle.db, period, now, streetIds)).size).toBe(0);

    await placeTickets(handle.db, [inQ3, { ...inQ3, scene: 1 - inQ3.scene }]);
    const counts = await countTicketIndicators(handle.db, period, now, streetIds);
    expect(streetIds.map((id) => counts.get(id)?.online_channel_share?.denominator)).toEqual([
      1, 1,
    ]);
  });
});
