import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicItem, PublicItemList, StaffItem } from '../../contract/education';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app';
import { seedEducationDemo } from './demo';

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

const article = {
  kind: 'article',
  title: '楼道不是储物间',
  summary: '楼道堆物既是消防隐患，也违反物业管理规定。',
  body: '## 规定\n\n《上海市住宅物业管理规定》第五十六条禁止擅自占用物业共用部分。',
  topic: 'corridor_clutter',
  matterCode: 'LDDW',
};

async function call(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  cookie?: string,
  payload?: object,
) {
  return t.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), payload });
}

async function writeItem(cookie = liaison, body: object = article): Promise<StaffItem> {
  const res = await call('POST', '/api/staff/education/items', cookie, body);
  expect(res.statusCode, res.body).toBe(201);
  return json<StaffItem>(res);
}

async function publish(id: string): Promise<void> {
  expect((await call('POST', `/api/staff/education/items/${id}/submit`, liaison)).statusCode).toBe(
    200,
  );
  expect(
    (await call('POST', `/api/staff/education/items/${id}/approve`, streetAdmin)).statusCode,
  ).toBe(200);
}

describe('the review lifecycle of an education item', () => {
  it('goes from draft through review to published, then shows on the public list', async () => {
    const item = await writeItem();
    expect(item.status).toBe('draft');
    expect(item.canEdit).toBe(true);
    const submitted = json<StaffItem>(
      await call('POST', `/api/staff/education/items/${item.id}/submit`, liaison),
    );
    expect(submitted.status).toBe('in_review');
    const approved = json<StaffItem>(
      await call('POST', `/api/staff/education/items/${item.id}/approve`, streetAdmin),
    );
    expect(approved.status).toBe('published');
    expect(approved.reviewer?.id).not.toBe(approved.author.id);
    expect(approved.publishedAt).toBe('2025-09-30T07:20:00.000Z');
    const list = json<PublicItemList>(
      await call('GET', '/api/public/education/items?topic=corridor_clutter'),
    );
    expect(list.items.map((i) => i.title)).toEqual(['楼道不是储物间']);
  });

  it('refuses an author approving their own item, even a street admin', async () => {
    const own = await writeItem(streetAdmin);
    await call('POST', `/api/staff/education/items/${own.id}/submit`, streetAdmin);
    const res = await call('POST', `/api/staff/education/items/${own.id}/approve`, streetAdmin);
    expect(res.statusCode).toBe(422);
    expect(json(res).error).toBe('self_review_refused');
    const bureau = await loginAs(t.app, 'admin');
    const byBureau = await call('POST', `/api/staff/education/items/${own.id}/approve`, bureau);
    expect(json<StaffItem>(byBureau).status).toBe('published');
  });

  it('lets neither the author nor another street approve; a colleague cannot see it', async () => {
    const item = await writeItem();
    await call('POST', `/api/staff/education/items/${item.id}/submit`, liaison);
    expect(
      (await call('POST', `/api/staff/education/items/${item.id}/approve`, liaison)).statusCode,
    ).toBe(422);
    const otherStreet = await loginAs(t.app, 'dinghai.admin');
    expect(
      (await call('POST', `/api/staff/education/items/${item.id}/approve`, otherStreet)).statusCode,
    ).toBe(404);
    const colleague = await loginAs(t.app, 'yinhang.2');
    expect((await call('GET', `/api/staff/education/items/${item.id}`, colleague)).statusCode).toBe(
      404,
    );
    const auditor = await loginAs(t.app, 'auditor');
    expect((await call('GET', '/api/staff/education/items', auditor)).statusCode).toBe(403);
  });

  it('sends a rejected item back to draft with the reason the author reads', async () => {
    const item = await writeItem();
    await call('POST', `/api/staff/education/items/${item.id}/submit`, liaison);
    const noReason = await call(
      'POST',
      `/api/staff/education/items/${item.id}/reject`,
      streetAdmin,
      {},
    );
    expect(json(noReason).details).toEqual([expect.objectContaining({ field: 'reason' })]);
    const reason = '请补充罚款幅度的条文出处';
    await call('POST', `/api/staff/education/items/${item.id}/reject`, streetAdmin, { reason });
    const back = json<StaffItem>(
      await call('GET', `/api/staff/education/items/${item.id}`, liaison),
    );
    expect([back.status, back.returnReason, back.canEdit]).toEqual(['draft', reason, true]);
  });

  it('takes a published item down with a reason: gone from the public, a draft again', async () => {
    const item = await writeItem();
    await publish(item.id);
    const reason = '条例已修订，待更新';
    const down = await call(
      'POST',
      `/api/staff/education/items/${item.id}/unpublish`,
      streetAdmin,
      { reason },
    );
    expect(json<StaffItem>(down).status).toBe('draft');
    expect((await call('GET', `/api/public/education/items/${item.id}`)).statusCode).toBe(404);
    const unpublishAgain = await call(
      'POST',
      `/api/staff/education/items/${item.id}/unpublish`,
      streetAdmin,
      { reason },
    );
    expect(json(unpublishAgain).error).toBe('transition_refused');
  });

  it('refuses changes to an item under review', async () => {
    const item = await writeItem();
    await call('POST', `/api/staff/education/items/${item.id}/submit`, liaison);
    const res = await call('PUT', `/api/staff/education/items/${item.id}`, liaison, article);
    expect(json(res).error).toBe('transition_refused');
  });

  it('writes every change to the audit trail', async () => {
    const item = await writeItem();
    await publish(item.id);
    const rows = await t.ctx.db
      .selectFrom('audit_entries')
      .select(['action'])
      .where('record_id', '=', item.id)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'education.create',
      'education.submit',
      'education.approve',
    ]);
  });
});

describe('validation of an education item', () => {
  it('names each field a typical case lacks, in Chinese and English', async () => {
    const res = await call('POST', '/api/staff/education/items', liaison, {
      ...article,
      kind: 'typical_case',
    });
    expect(res.statusCode).toBe(400);
    const fields = json<{ details: { field: string; message: string }[] }>(res).details;
    expect(fields.map((d) => d.field)).toEqual(['caseFacts', 'caseHandling', 'caseLegalBasis']);
    expect(fields[0]?.message).toBe('请填写案情');
  });

  it('requires a video and a poster for a 微视频, and pictures for a 图解', async () => {
    const video = await call('POST', '/api/staff/education/items', liaison, {
      ...article,
      kind: 'video',
    });
    expect(json<{ details: { field: string }[] }>(video).details.map((d) => d.field)).toEqual([
      'videoId',
      'posterId',
    ]);
    const slides = await call('POST', '/api/staff/education/items', liaison, {
      ...article,
      kind: 'illustrated',
    });
    expect(json<{ details: { field: string }[] }>(slides).details.map((d) => d.field)).toEqual([
      'slides',
    ]);
  });

  it('refuses an unknown topic, an unknown matter and a missing title', async () => {
    const topic = await call('POST', '/api/staff/education/items', liaison, {
      ...article,
      topic: 'parking',
    });
    expect(json<{ details: { field: string }[] }>(topic).details[0]?.field).toBe('topic');
    const matter = await call('POST', '/api/staff/education/items', liaison, {
      ...article,
      matterCode: 'NOPE',
    });
    expect([matter.statusCode, json(matter).error]).toEqual([422, 'matter_not_found']);
    const title = await call('POST', '/api/staff/education/items', liaison, {
      ...article,
      title: ' ',
    });
    expect(json<{ details: { field: string }[] }>(title).details[0]?.field).toBe('title');
    const count = await t.ctx.db.selectFrom('education_items').select('id').execute();
    expect(count).toEqual([]);
  });

  it('stores a typical case with its facts, handling, legal basis and linked matter', async () => {
    const item = await writeItem(liaison, {
      ...article,
      kind: 'typical_case',
      title: '某小区楼道堆物案',
      topic: 'corridor_clutter',
      caseFacts: '某居民长期在楼道堆放纸板，经劝阻未清理。',
      caseHandling: '责令限期改正，当事人当日清理完毕，依法不予处罚。',
      caseLegalBasis: '《上海市住宅物业管理规定》第五十六条、第八十五条',
    });
    await publish(item.id);
    const shown = json<PublicItem>(await call('GET', `/api/public/education/items/${item.id}`));
    expect(shown.typicalCase?.handling).toBe('责令限期改正，当事人当日清理完毕，依法不予处罚。');
    expect(shown.matter).toEqual({ code: 'LDDW', name: '楼道堆物、擅自占用物业共用部分' });
  });
});

describe('the public list and the view count', () => {
  it('filters by topic, kind and words, and hides drafts', async () => {
    const published = await writeItem();
    await publish(published.id);
    await writeItem(liaison, { ...article, title: '草稿不公开' });
    const byWord = json<PublicItemList>(
      await call('GET', `/api/public/education/items?q=${encodeURIComponent('储物')}`),
    );
    expect(byWord.items.map((i) => i.id)).toEqual([published.id]);
    const none = json<PublicItemList>(await call('GET', '/api/public/education/items?kind=video'));
    expect(none.total).toBe(0);
    const all = json<PublicItemList>(await call('GET', '/api/public/education/items'));
    expect(all.items.map((i) => i.title)).toEqual(['楼道不是储物间']);
  });

  it('treats % and _ in the search words as plain characters', async () => {
    const item = await writeItem();
    await publish(item.id);
    const res = json<PublicItemList>(await call('GET', '/api/public/education/items?q=%25'));
    expect(res.total).toBe(0);
  });

  it('counts one view per opened page, none for previews or drafts, no reader data', async () => {
    const item = await writeItem();
    await call('GET', `/api/staff/education/items/${item.id}`, streetAdmin);
    expect((await call('POST', `/api/public/education/items/${item.id}/views`)).statusCode).toBe(
      404,
    );
    await publish(item.id);
    const first = json<{ viewCount: number }>(
      await call('POST', `/api/public/education/items/${item.id}/views`),
    );
    const second = json<{ viewCount: number }>(
      await call('POST', `/api/public/education/items/${item.id}/views`),
    );
    expect([first.viewCount, second.viewCount]).toEqual([1, 2]);
    await call('GET', `/api/public/education/items/${item.id}`);
    const shown = json<PublicItem>(await call('GET', `/api/public/education/items/${item.id}`));
    expect(shown.viewCount).toBe(2);
    const audits = await t.ctx.db
      .selectFrom('audit_entries')
      .select('action')
      .where('record_id', '=', item.id)
      .execute();
    expect(audits.map((a) => a.action)).not.toContain('education.view');
  });
});

describe('the demo content', () => {
  it('publishes four articles, a typical case and a 7·15 open day in the demo', async () => {
    await seedEducationDemo(t.ctx.db, t.clock.now);
    const list = json<PublicItemList>(await call('GET', '/api/public/education/items'));
    expect(list.total).toBe(5);
    const cases = json<PublicItemList>(
      await call('GET', '/api/public/education/items?kind=typical_case'),
    );
    const shown = json<PublicItem>(
      await call('GET', `/api/public/education/items/${cases.items[0]?.id ?? ''}`),
    );
    expect(shown.typicalCase?.legalBasis).toBe('《上海市住房租赁条例》第十五条、第五十二条');
    const events = json<{ items: { kind: string; attendance: number }[] }>(
      await call('GET', '/api/public/education/events'),
    );
    expect(events.items).toEqual([expect.objectContaining({ kind: 'open_day', attendance: 80 })]);
  });
});

describe('topic links from the matter catalogue', () => {
  it('filters by the Chinese topic name as well as by the code', async () => {
    const item = await writeItem();
    await publish(item.id);
    const byName = json<PublicItemList>(
      await call('GET', `/api/public/education/items?topic=${encodeURIComponent('楼道堆物')}`),
    );
    expect(byName.items.map((i) => i.id)).toEqual([item.id]);
    const other = json<PublicItemList>(
      await call('GET', '/api/public/education/items?topic=rental'),
    );
    expect(other.total).toBe(0);
  });
});
