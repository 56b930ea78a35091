// Checklist items 5 and 6 of shared/OPEN311.md §11: keys, codes, places, attributes and the
// description limit of POST requests, and what each service type answers; a filed request is a
// ticket in the building's room with deadlines and an encrypted reporter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../app.js';
import { assertValid } from './schemas.js';
import { consultation, file, postForm, startOpen311Scene, type Open311Scene } from './support.js';

let s: Open311Scene;
beforeAll(async () => {
  s = await startOpen311Scene();
});
afterAll(async () => {
  await s.t.close();
});

const url = '/open311/v2/requests.json';

/** The fields without one of them. */
function without(fields: Record<string, string | string[]>, name: string) {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k !== name));
}

async function ticketCount(): Promise<number> {
  const row = await s.t.ctx.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function refused(fields: Record<string, string | string[]>, status: number, field: string) {
  const before = await ticketCount();
  const res = await postForm(s, url, fields);
  expect(res.statusCode).toBe(status);
  const body = json<{ code: number; description: string }[]>(res);
  assertValid('errors', body);
  expect(body[0]?.code).toBe(status);
  expect(body[0]?.description).toContain(field);
  expect(await ticketCount()).toBe(before);
  return body[0]?.description ?? '';
}

describe('POST refusals', () => {
  it('refuses a missing, wrong or revoked api_key with 403', async () => {
    const noKey = without(consultation(s), 'api_key');
    expect(await refused(noKey, 403, 'api_key')).toContain('required');
    await refused({ ...noKey, api_key: 'o311_nottherightkey' }, 403, 'api_key');
  });

  it('refuses an unknown service_code with 404 and a missing one with 400', async () => {
    await refused(consultation(s, { service_code: 'parking' }), 404, 'service_code');
    const noCode = without(consultation(s), 'service_code');
    await refused(noCode, 400, 'service_code');
  });

  it('refuses a request with no location, or a point alone, with 400', async () => {
    const noPlace = without(consultation(s), 'address_id');
    await refused(noPlace, 400, 'address_id');
    await refused({ ...noPlace, lat: '31.2989', long: '121.5140' }, 400, 'address_id');
    await refused({ ...noPlace, lat: '31.2989' }, 400, 'long');
    await refused(consultation(s, { address_id: 'NO-SUCH-BUILDING' }), 400, 'address_id');
    await refused(
      consultation(s, { address_string: 'nowhere', address_id: '' }),
      400,
      'address_string',
    );
  });

  it('refuses a missing required attribute and values outside the lists', async () => {
    const noConsent = without(consultation(s), 'attribute[contact_consent]');
    await refused(noConsent, 400, 'attribute[contact_consent]');
    await refused(
      consultation(s, { 'attribute[contact_consent]': 'maybe' }),
      400,
      'attribute[contact_consent]',
    );
    await refused(
      consultation(s, { 'attribute[contact_times][]': ['morning', 'midnight'] }),
      400,
      'attribute[contact_times]',
    );
    await refused(consultation(s, { 'attribute[matter]': 'X-000' }), 400, 'attribute[matter]');
  });

  it('refuses a description over 4,000 characters instead of truncating it', async () => {
    await refused(consultation(s, { description: '字'.repeat(4001) }), 400, 'description');
    const ok = await file(s, { description: '字'.repeat(4000) });
    expect(ok.service_request_id).toMatch(/^LL-/);
  });

  it('refuses HTML in the description and a media_url that is not a web address', async () => {
    await refused(consultation(s, { description: '<b>急</b>' }), 400, 'description');
    await refused(consultation(s, { media_url: 'javascript:alert(1)' }), 400, 'media_url');
  });
});

describe('POST answers', () => {
  it('files a realtime request as a ticket of the building room with its deadline', async () => {
    const res = await postForm(
      s,
      url,
      consultation(s, {
        'attribute[contact_times][]': ['morning', 'evening'],
        first_name: '三',
        last_name: '张',
        phone: '13800138000',
        email: 'zhang@example.com',
      }),
    );
    expect(res.statusCode).toBe(200);
    const body =
      json<{ service_request_id: string; token?: string; service_notice: string }[]>(res);
    assertValid('postResult', body);
    const [result] = body;
    expect(result?.token).toBeUndefined();
    const ticket = await s.t.ctx.db
      .selectFrom('tickets')
      .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
      .select(['tickets.id', 'tickets.kind', 'tickets.channel', 'tickets.status'])
      .select(['tickets.resolve_due_at', 'buildings.code', 'tickets.room_id'])
      .where('tracking_code', '=', result?.service_request_id ?? '')
      .executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({
      kind: 'consultation',
      channel: 'open311',
      status: 'submitted',
      code: s.buildingCode,
    });
    // Filed on 30 September 2025 at 15:20 in Shanghai: the National Day holiday (1–8 October)
    // is skipped, so the consultation falls due at the end of Thursday 9 October.
    expect(ticket.resolve_due_at).toBe('2025-10-09T15:59:59.999Z');
    expect(result?.service_notice).toContain('+08:00');
    const reporter = await s.t.ctx.db
      .selectFrom('ticket_reporters')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(reporter.phone_masked).toBe('138****8000');
    expect(reporter.name_masked).toBe('张*');
    expect(reporter.phone_enc).not.toContain('13800138000');
    const extra = await s.t.ctx.db
      .selectFrom('open311_requests')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(extra.attributes)).toEqual({
      contact_consent: ['yes'],
      contact_times: ['morning', 'evening'],
    });
    expect(extra.contact_enc).not.toContain('example.com');
    expect(JSON.parse(s.t.ctx.cipher.decrypt(extra.contact_enc ?? ''))).toEqual({
      email: 'zhang@example.com',
    });
  });

  it('answers a batch service with a token that GET tokens resolves', async () => {
    const posted = await file(s, { service_code: 'suggestion' });
    expect(posted.service_request_id).toBeUndefined();
    expect(posted.token).toMatch(/^[0-9a-z]{20}$/);
    const res = await s.t.app.inject({ url: `/open311/v2/tokens/${posted.token ?? ''}.json` });
    const [resolved] = json<{ service_request_id: string; token: string }[]>(res);
    expect(resolved?.token).toBe(posted.token);
    const one = await s.t.app.inject({
      url: `/open311/v2/requests/${resolved?.service_request_id ?? ''}.json`,
    });
    expect(json<{ service_code: string }[]>(one)[0]?.service_code).toBe('suggestion');
    const unknown = await s.t.app.inject({ url: '/open311/v2/tokens/nosuchtoken.json' });
    expect(unknown.statusCode).toBe(404);
  });

  it('answers a blackbox service with neither id nor token, filing it all the same', async () => {
    const before = await ticketCount();
    const posted = await file(s, { service_code: 'complaint', description: '夜间施工扰民' });
    expect(posted.service_request_id).toBeUndefined();
    expect(posted.token).toBeUndefined();
    expect(posted.service_notice).toContain('不公开');
    expect(await ticketCount()).toBe(before + 1);
  });

  it('places a request by the QR token or by the exact address of a building', async () => {
    const byToken = await file(s, { address_id: s.buildingToken });
    const byAddress = await file(s, {
      address_id: '',
      address_string: s.t.demo.samplePlacard.address,
    });
    const rows = await s.t.ctx.db
      .selectFrom('tickets')
      .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
      .select('buildings.code')
      .where('tracking_code', 'in', [
        byToken.service_request_id ?? '',
        byAddress.service_request_id ?? '',
      ])
      .execute();
    expect(rows.map((r) => r.code)).toEqual([s.buildingCode, s.buildingCode]);
  });

  it('accepts the answers in XML too', async () => {
    const res = await postForm(s, '/open311/v2/requests.xml', consultation(s));
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /<service_request_id>LL-[0-9A-Z]{5}-[0-9A-Z]{5}<\/service_request_id>/,
    );
    expect(res.body).not.toContain('<token>');
  });
});
