// The benchmark's data generator (bench/generate.ts) at a small size: the district has its 12
// streets, the tickets have the kinds and matters of the district's figures, and every ticket's
// timeline agrees with its row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type Generated } from '../bench/generate.js';
import { matterPools } from '../bench/ticket-mix.js';
import type { DatabaseHandle } from '../src/server/db/database.js';
import { openTestDatabase } from './factories.js';

const NOW = new Date('2026-12-01T04:00:00.000Z');
let handle: DatabaseHandle;
let generated: Generated;

beforeAll(async () => {
  handle = await openTestDatabase();
  generated = await generate(handle, { tickets: 2000, now: NOW });
});

afterAll(async () => {
  await handle.close();
});

describe('the benchmark data generator', () => {
  it('fills the 12 streets of the demo district with the tickets asked for', async () => {
    const streets = await handle.db.selectFrom('streets').select('name').execute();
    expect(streets).toHaveLength(12);
    expect(streets.map((s) => s.name)).toContain('殷行街道');
    const perStreet = await handle.db
      .selectFrom('tickets')
      .select(['street_id', handle.db.fn.countAll<string | number>().as('n')])
      .groupBy('street_id')
      .execute();
    expect(perStreet).toHaveLength(12);
    expect(perStreet.reduce((sum, s) => sum + Number(s.n), 0)).toBe(2000);
  });

  it('makes about 40 % of the tickets property-management complaints', async () => {
    const pools = matterPools(
      await handle.db.selectFrom('matters').select(['code', 'prohibition_basis']).execute(),
    );
    const rows = await handle.db.selectFrom('tickets').select(['kind', 'matter_code']).execute();
    const property = rows.filter(
      (t) => t.kind === 'complaint' && pools.property.includes(t.matter_code ?? ''),
    ).length;
    expect(property).toBe(generated.propertyComplaints);
    expect(property / 2000).toBeGreaterThan(0.36);
    expect(property / 2000).toBeLessThan(0.44);
    expect(new Set(rows.map((t) => t.kind)).size).toBe(5);
  });

  it("writes each ticket's timeline: as many events as the row counts, up to 5", async () => {
    const fn = handle.db.fn;
    const tickets = await handle.db
      .selectFrom('tickets')
      .select(fn.sum<string | number>('event_count').as('n'))
      .executeTakeFirstOrThrow();
    const events = await handle.db
      .selectFrom('ticket_events')
      .select([fn.count<string | number>('ticket_id').as('n'), fn.max('seq').as('top')])
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(Number(tickets.n));
    expect(Number(events.n)).toBe(generated.events);
    expect(events.top).toBeLessThanOrEqual(5);
    const closed = await handle.db
      .selectFrom('tickets')
      .select(['status', 'closed_at', 'resolved_at', 'created_at'])
      .where('status', '=', 'closed')
      .execute();
    expect(closed.length).toBeGreaterThan(1000);
    expect(closed.every((t) => (t.resolved_at ?? '') > t.created_at && t.closed_at)).toBe(true);
  });

  it('adds visits, cases and education records beside the tickets', async () => {
    expect(generated.cases).toBe(4);
    expect(generated.visits).toBeGreaterThan(1000);
    const visits = await handle.db
      .selectFrom('visits')
      .select(handle.db.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(visits.n)).toBe(generated.visits);
    expect(generated.educationEvents).toBe(12 * 48);
  });
});
