// The reporter's full number is revealed only to those who need it, and every reveal is in the
// audit trail with its reason but never the number (城管条例 Art 26; docs/sources.md §5).
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ErrorBody } from '../../contract/common.js';
import type { RevealedReporter } from '../../contract/reporter.js';
import type { Receipt, StaffTicket, TicketList } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { verifyAuditChain } from '../audit/service.js';

const phone = '13800138000';
const reason = '需电话回访诉求人，核实堆物位置';

let t: TestApp;
/** The room's two liaisons: the first accepts the ticket and becomes its assignee. */
let assignee: { id: string; username: string };
let roommate: { id: string; username: string };
/** A liaison and the admin of another street. */
let stranger: string;
let otherStreetAdmin: string;
let ticketId: string;
let anonymousId: string;

async function file(payload: Record<string, unknown>): Promise<string> {
  const receipt = json<Receipt>(
    await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: { placardToken: t.demo.samplePlacard.token, kind: 'complaint', ...payload },
    }),
  );
  const row = await t.handle.db
    .selectFrom('tickets')
    .select('id')
    .where('tracking_code', '=', receipt.trackingCode)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  const token = t.demo.samplePlacard.token;
  const place = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .select(['rooms.id as room_id', 'communities.street_id'])
    .where('buildings.placard_token', '=', token)
    .executeTakeFirstOrThrow();
  const liaisons = await t.handle.db
    .selectFrom('room_liaisons')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.id', 'staff.username'])
    .where('room_liaisons.room_id', '=', place.room_id)
    .orderBy('room_liaisons.sort')
    .execute();
  [assignee, roommate] = liaisons as [typeof assignee, typeof roommate];
  const elsewhere = await t.handle.db
    .selectFrom('staff')
    .select(['username', 'role'])
    .where('street_id', '<>', place.street_id)
    .where('role', 'in', ['liaison', 'street_admin'])
    .orderBy('username')
    .execute();
  stranger = elsewhere.find((s) => s.role === 'liaison')?.username ?? '';
  otherStreetAdmin = elsewhere.find((s) => s.role === 'street_admin')?.username ?? '';

  ticketId = await file({ description: '楼道里堆满了纸箱，消防通道被堵住了。', phone });
  anonymousId = await file({ description: '小区门口有占道经营的摊位。' });
  for (const id of [ticketId, anonymousId]) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${id}/actions/accept`,
      payload: {},
      headers: { cookie: await loginAs(t.app, assignee.username) },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});

afterAll(async () => {
  await t.close();
});

async function reveal(username: string, body: unknown, id = ticketId) {
  return t.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${id}/reporter/reveal`,
    payload: body as object,
    headers: { cookie: await loginAs(t.app, username) },
  });
}

async function staffView(username: string, id = ticketId): Promise<LightMyRequestResponse> {
  return t.app.inject({
    url: `/api/staff/tickets/${id}`,
    headers: { cookie: await loginAs(t.app, username) },
  });
}

/** The reveal entries of the trail for a ticket, oldest first. */
function revealEntries(id = ticketId) {
  return t.handle.db
    .selectFrom('audit_entries')
    .selectAll()
    .where('action', '=', 'ticket.reporter.reveal')
    .where('record_id', '=', id)
    .orderBy('seq')
    .execute();
}

async function staffIdOf(username: string): Promise<string> {
  const row = await t.handle.db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('who may see the full number', () => {
  it('tells each viewer whether they may, by the same rule the reveal uses', async () => {
    const cases: [string, boolean][] = [
      [assignee.username, true],
      [roommate.username, false],
      ['yinhang.admin', true],
      ['admin', true],
    ];
    for (const [username, allowed] of cases) {
      const res = await staffView(username);
      expect(res.statusCode, username).toBe(200);
      const ticket = json<StaffTicket>(res);
      expect(ticket.canRevealReporter, username).toBe(allowed);
      expect(ticket.reporterPhoneMasked).toBe('138****8000');
    }
    expect((await staffView(stranger)).statusCode).toBe(404);
    expect((await staffView(otherStreetAdmin)).statusCode).toBe(404);
  });

  it('never puts the full number in a GET answer of the staff ticket or the inbox', async () => {
    for (const username of [assignee.username, roommate.username, 'yinhang.admin', 'admin']) {
      const cookie = await loginAs(t.app, username);
      for (const url of [
        `/api/staff/tickets/${ticketId}`,
        '/api/staff/tickets?status=all&pageSize=100',
      ]) {
        const res = await t.app.inject({ url, headers: { cookie } });
        expect(res.statusCode, `${username} ${url}`).toBe(200);
        expect(res.body, `${username} ${url}`).not.toContain(phone);
        expect(res.body).not.toMatch(/138\D{0,3}0013\D{0,3}8000/);
      }
    }
    // The inbox row is there at all, so the check above looked at it.
    const inbox = json<TicketList>(
      await t.app.inject({
        url: '/api/staff/tickets?status=all&pageSize=100',
        headers: { cookie: await loginAs(t.app, assignee.username) },
      }),
    );
    expect(inbox.items.map((i) => i.id)).toContain(ticketId);
  });
});

describe('POST /api/staff/tickets/:id/reporter/reveal', () => {
  it('gives the assignee the number, uncached, with one audit entry and reason', async () => {
    const before = await revealEntries();
    const res = await reveal(assignee.username, { reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = json<RevealedReporter>(res);
    expect(body.phone).toBe(phone);
    expect(body.revealedAt).toBe(new Date('2025-09-30T15:20:00+08:00').toISOString());

    const entries = (await revealEntries()).slice(before.length);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      actor_kind: 'staff',
      actor_id: assignee.id,
      action: 'ticket.reporter.reveal',
      record_type: 'ticket',
      record_id: ticketId,
    });
    expect(entry?.request_id).toBeTruthy();
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ fields: ['phone', 'name'], reason });
    // No run of the number's digits, whole or in part, masked or not.
    expect(entry?.detail).not.toMatch(/138|8000|0013|\*{4}/);
    expect(await verifyAuditChain(t.handle.db, t.ctx)).toMatchObject({ ok: true });
  });

  it('refuses another liaison of the room (403) and writes nothing', async () => {
    const before = (await revealEntries()).length;
    const res = await reveal(roommate.username, { reason });
    expect(res.statusCode).toBe(403);
    expect(json<ErrorBody>(res).error).toBe('forbidden');
    expect(res.body).not.toContain(phone);
    expect(await revealEntries()).toHaveLength(before);
  });

  it('answers 404 to another street’s staff and for no such ticket', async () => {
    const before = (await revealEntries()).length;
    for (const username of [stranger, otherStreetAdmin]) {
      const res = await reveal(username, { reason });
      expect(res.statusCode, username).toBe(404);
      expect(json<ErrorBody>(res).error).toBe('ticket_not_found');
      expect(res.body).not.toContain(phone);
    }
    expect((await reveal('admin', { reason }, 'no-such-ticket')).statusCode).toBe(404);
    expect(await revealEntries()).toHaveLength(before);
  });

  it('refuses the auditor and a department (403) and an anonymous caller (401)', async () => {
    const before = (await revealEntries()).length;
    for (const username of ['auditor', 'fangguan.dept']) {
      const refused = await reveal(username, { reason });
      expect(refused.statusCode, username).toBe(403);
      expect(json<ErrorBody>(refused).error).toBe('forbidden');
      expect(refused.body).not.toContain(phone);
    }
    const nobody = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${ticketId}/reporter/reveal`,
      payload: { reason },
    });
    expect(nobody.statusCode).toBe(401);
    expect(await revealEntries()).toHaveLength(before);
  });

  it('lets the ticket street’s admin and the bureau admin see it, each audited', async () => {
    for (const username of ['yinhang.admin', 'admin']) {
      const before = (await revealEntries()).length;
      const res = await reveal(username, { reason: '督办核实' });
      expect(res.statusCode, username).toBe(200);
      expect(json<RevealedReporter>(res).phone).toBe(phone);
      const entries = (await revealEntries()).slice(before);
      expect(entries.map((e) => e.actor_id)).toEqual([await staffIdOf(username)]);
      expect(JSON.parse(entries[0]?.detail ?? '{}')).toEqual({
        fields: ['phone', 'name'],
        reason: '督办核实',
      });
    }
  });

  it('asks for a reason of at most 200 characters, naming `reason`; writes nothing', async () => {
    const before = (await revealEntries()).length;
    for (const body of [{}, { reason: '' }, { reason: '  \t ' }, { reason: '查'.repeat(201) }]) {
      const res = await reveal(assignee.username, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const error = json<ErrorBody>(res);
      expect(error.error).toBe('validation_failed');
      expect(error.details?.map((d) => d.field)).toEqual(['reason']);
      expect(res.body).not.toContain(phone);
    }
    expect(await revealEntries()).toHaveLength(before);
    // 200 characters, counted in code points, are accepted.
    expect((await reveal(assignee.username, { reason: '𠀀'.repeat(200) })).statusCode).toBe(200);
  });

  it('takes a phone number typed into the reason out of the entry', async () => {
    const before = (await revealEntries()).length;
    const res = await reveal(assignee.username, { reason: `回拨 ${phone} 核实` });
    expect(res.statusCode).toBe(200);
    const [entry] = (await revealEntries()).slice(before);
    expect(entry?.detail).not.toContain(phone);
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({ reason: '回拨 [号码已隐去] 核实' });
  });

  it('answers null for a ticket without a number, and still records the look', async () => {
    const before = (await revealEntries(anonymousId)).length;
    const res = await reveal(assignee.username, { reason }, anonymousId);
    expect(res.statusCode).toBe(200);
    expect(json<RevealedReporter>(res).phone).toBeNull();
    expect(await revealEntries(anonymousId)).toHaveLength(before + 1);
    expect(json<StaffTicket>(await staffView(assignee.username, anonymousId))).toMatchObject({
      reporterPhoneMasked: null,
      canRevealReporter: true,
    });
  });

  it('gives no number when the audit entry cannot be written', async () => {
    const cookie = await loginAs(t.app, assignee.username);
    const before = (await revealEntries()).length;
    const decrypt = vi.spyOn(t.ctx.cipher, 'decrypt');
    // The table the entry is written into is away, so the append throws inside the transaction:
    // SQLite chains the entry at once, PostgreSQL writes it pending (src/server/audit/pending.ts).
    const table = t.handle.kind === 'postgres' ? 'audit_pending' : 'audit_entries';
    await sql`alter table ${sql.table(table)} rename to away`.execute(t.handle.db);
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/staff/tickets/${ticketId}/reporter/reveal`,
        payload: { reason },
        headers: { cookie },
      });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(phone);
      expect(decrypt).not.toHaveBeenCalled();
    } finally {
      await sql`alter table away rename to ${sql.table(table)}`.execute(t.handle.db);
      decrypt.mockRestore();
    }
    expect(await revealEntries()).toHaveLength(before);
    expect(await verifyAuditChain(t.handle.db, t.ctx)).toMatchObject({ ok: true });
  });
});
