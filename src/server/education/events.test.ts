import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Media, PublicEventList, StaffEvent } from '../../contract/education';
import type { FieldPlaces } from '../../contract/visits';
import sharp from 'sharp';
import { json, loginAs, multipartPhoto, startTestApp, type TestApp } from '../../../test/app';

let t: TestApp;
let liaison: string;
let streetAdmin: string;

beforeEach(async () => {
  t = await startTestApp();
  liaison = await loginAs(t.app, 'yinhang.1');
  streetAdmin = await loginAs(t.app, 'yinhang.admin');
});

afterEach(async () => {
  await t.close();
});

async function photo(cookie: string): Promise<Media> {
  const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#a73' } })
    .jpeg()
    .toBuffer();
  const body = multipartPhoto(jpeg, '讲座.jpg');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/staff/education/images',
    headers: { ...body.headers, cookie },
    payload: body.payload,
  });
  return json<Media>(res);
}

async function firstCommunity(cookie: string): Promise<string> {
  const places = json<FieldPlaces>(
    await t.app.inject({ method: 'GET', url: '/api/staff/field-places', headers: { cookie } }),
  );
  return places.communities[0]?.id ?? '';
}

const lecture = {
  kind: 'lecture',
  title: '新修订《上海市非机动车安全管理条例》专题讲座',
  place: '居委会活动室',
  date: '2025-09-20',
  attendance: 46,
  notes: '讲解飞线充电的危害和处罚规定。',
};

function save(method: 'POST' | 'PUT', url: string, cookie: string, payload: object) {
  return t.app.inject({ method, url, headers: { cookie }, payload });
}

describe('education events', () => {
  it('records a lecture with attendance and photo, published by the street admin', async () => {
    const pic = await photo(liaison);
    const communityId = await firstCommunity(liaison);
    const created = await save('POST', '/api/staff/education/events', liaison, {
      ...lecture,
      communityId,
      photoIds: [pic.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = json<StaffEvent>(created);
    expect([event.attendance, event.published, event.canPublish]).toEqual([46, false, false]);
    const hidden = json<PublicEventList>(
      await t.app.inject({ url: '/api/public/education/events' }),
    );
    expect(hidden.total).toBe(0);
    expect((await t.app.inject({ url: pic.url })).statusCode).toBe(404);

    const payload = { ...lecture, communityId, photoIds: [pic.id], published: true };
    const refused = await save('PUT', `/api/staff/education/events/${event.id}`, liaison, payload);
    expect(json(refused)).toMatchObject({ error: 'forbidden', details: [{ field: 'published' }] });
    const published = await save(
      'PUT',
      `/api/staff/education/events/${event.id}`,
      streetAdmin,
      payload,
    );
    expect(json<StaffEvent>(published).published).toBe(true);

    const list = json<PublicEventList>(await t.app.inject({ url: '/api/public/education/events' }));
    expect(list.items.map((e) => [e.title, e.attendance, e.street, e.photos.length])).toEqual([
      [lecture.title, 46, '殷行街道', 1],
    ]);
    expect(JSON.stringify(list)).not.toContain('createdBy');
    expect((await t.app.inject({ url: pic.url })).statusCode).toBe(200);
  });

  it('names the wrong fields: negative attendance, a bad date, a community elsewhere', async () => {
    const bad = await save('POST', '/api/staff/education/events', liaison, {
      ...lecture,
      attendance: -1,
      date: '2025/09/20',
    });
    const fields = json<{ details: { field: string }[] }>(bad).details.map((d) => d.field);
    expect(fields.sort()).toEqual(['attendance', 'date']);
    const elsewhere = await firstCommunity(await loginAs(t.app, 'dinghai.admin'));
    const res = await save('POST', '/api/staff/education/events', liaison, {
      ...lecture,
      communityId: elsewhere,
    });
    expect(json(res)).toMatchObject({ details: [{ field: 'communityId' }] });
  });

  it('audits creating and changing an event', async () => {
    const event = json<StaffEvent>(
      await save('POST', '/api/staff/education/events', streetAdmin, {
        ...lecture,
        kind: 'open_day',
      }),
    );
    await save('PUT', `/api/staff/education/events/${event.id}`, streetAdmin, {
      ...lecture,
      kind: 'open_day',
      attendance: 120,
    });
    const rows = await t.ctx.db
      .selectFrom('audit_entries')
      .select('action')
      .where('record_id', '=', event.id)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['education.event_create', 'education.event_edit']);
  });
});
