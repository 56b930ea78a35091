import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract/common.js';
import type {
  AdoptedList,
  PublicCampaign,
  ResidentSuggestion,
  StaffSuggestion,
  SuggestionReceipt,
} from '../../contract/suggestions.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { resolveMessage } from '../notifications/recipient.js';

let t: TestApp;
let openCampaign: PublicCampaign;
let closedCampaign: PublicCampaign;

// 2025-09-30 10:00 in Shanghai.
const start = new Date('2025-09-30T02:00:00.000Z');

async function as(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const cookie = await loginAs(t.app, user);
  return t.app.inject({ method, url, payload, headers: { cookie } });
}

function campaignBody(startsOn: string, deadlineOn: string) {
  return {
    topic: '楼道堆物治理金点子',
    description: '怎样让楼道保持畅通？',
    channels: ['online', 'hotline_12345', 'letter'],
    startsOn,
    deadlineOn,
  };
}

const suggestion = {
  topic: '楼道堆物定期清理日',
  reason: '楼道堆物反复出现，影响消防通道。',
  proposal: '建议每月固定一天由物业和志愿者集中清理，并提前张贴通知。',
  publishConsent: true,
  ownMatter: false,
};

async function submit(body: object) {
  return t.app.inject({ method: 'POST', url: '/api/public/suggestions', payload: body });
}

async function staffIdOf(receipt: SuggestionReceipt) {
  const row = await t.handle.db
    .selectFrom('suggestions')
    .select('id')
    .where('receipt_code', '=', receipt.receiptCode)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function step(id: string, name: string, body: object = {}) {
  const res = await as('admin', 'POST', `/api/staff/suggestions/${id}/steps/${name}`, body);
  if (res.statusCode !== 200) {
    throw new Error(`${name}: ${res.statusCode} ${res.body}`);
  }
  return json<StaffSuggestion>(res);
}

beforeAll(async () => {
  t = await startTestApp(start);
  t.clock.now = new Date('2025-08-01T02:00:00.000Z');
  closedCampaign = json<PublicCampaign>(
    await as(
      'admin',
      'POST',
      '/api/staff/suggestion-campaigns',
      campaignBody('2025-08-01', '2025-08-31'),
    ),
  );
  t.clock.now = start;
  openCampaign = json<PublicCampaign>(
    await as(
      'admin',
      'POST',
      '/api/staff/suggestion-campaigns',
      campaignBody('2025-09-15', '2025-10-15'),
    ),
  );
});

afterAll(async () => {
  await t.close();
});

describe('campaigns', () => {
  it('publishes the topic, channels and deadline, and counts what it received', async () => {
    expect(openCampaign).toMatchObject({
      phase: 'open',
      channels: ['online', 'hotline_12345', 'letter'],
      deadlineOn: '2025-10-15',
      receivedCount: 0,
    });
    expect(closedCampaign.phase).toBe('open');
    const now = json<PublicCampaign>(
      await t.app.inject({ url: `/api/public/suggestion-campaigns/${closedCampaign.id}` }),
    );
    expect(now.phase).toBe('closed');
    const refused = await as(
      'yinhang.admin',
      'POST',
      '/api/staff/suggestion-campaigns',
      campaignBody('2025-10-01', '2025-10-31'),
    );
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a suggestion to a campaign past its deadline, with the date', async () => {
    const res = await submit({ ...suggestion, campaignId: closedCampaign.id });
    expect(res.statusCode).toBe(422);
    const body = json<ErrorBody>(res);
    expect(body.error).toBe('campaign_closed');
    expect(body.details).toEqual([
      {
        field: 'campaignId',
        message: '该征集已于2025-08-31截止',
        messageEn: 'this campaign closed on 2025-08-31',
      },
    ]);
  });

  it('takes suggestions until the end of the deadline day in Shanghai', async () => {
    t.clock.now = new Date('2025-10-15T15:59:00.000Z');
    expect((await submit({ ...suggestion, campaignId: openCampaign.id })).statusCode).toBe(201);
    t.clock.now = new Date('2025-10-15T16:00:00.000Z');
    expect((await submit({ ...suggestion, campaignId: openCampaign.id })).statusCode).toBe(422);
    t.clock.now = start;
  });

  it('publishes the collective report only after the deadline', async () => {
    const early = await as(
      'admin',
      'PUT',
      `/api/staff/suggestion-campaigns/${openCampaign.id}/report`,
      {
        report: '共收到建议若干条。',
      },
    );
    expect(early.statusCode).toBe(422);
    const done = await as(
      'admin',
      'PUT',
      `/api/staff/suggestion-campaigns/${closedCampaign.id}/report`,
      {
        report: '本次征集共收到建议0条。',
      },
    );
    expect(json<PublicCampaign>(done).publicReport).toBe('本次征集共收到建议0条。');
    const page = json<PublicCampaign>(
      await t.app.inject({ url: `/api/public/suggestion-campaigns/${closedCampaign.id}` }),
    );
    expect(page.publicReport).toBe('本次征集共收到建议0条。');
  });
});

describe('a personal claim', () => {
  it('is refused by the form and sent the ticket way (Art 10)', async () => {
    const res = await submit({ ...suggestion, ownMatter: true });
    expect(res.statusCode).toBe(422);
    expect(json<ErrorBody>(res)).toMatchObject({
      error: 'personal_matter',
      details: [{ field: 'ownMatter' }],
    });
    const count = await t.handle.db
      .selectFrom('suggestions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('found by staff becomes a ticket at the building, followed from its page', async () => {
    const receipt = json<SuggestionReceipt>(
      await submit({ ...suggestion, topic: '我家楼上漏水', phone: '13700137000', name: '赵六' }),
    );
    const id = await staffIdOf(receipt);
    const building = await t.handle.db
      .selectFrom('buildings')
      .select('code')
      .where('placard_token', '=', t.demo.samplePlacard.token)
      .executeTakeFirstOrThrow();
    const claimed = await step(id, 'personal_claim', {
      reason: '属于个人诉求，已转为求助办理。',
      ticket: { buildingCode: building.code, kind: 'help' },
    });
    expect(claimed.status).toBe('personal_claim');
    expect(claimed.ticket?.trackingCode).toMatch(/^LL-/);
    const mine = json<ResidentSuggestion>(
      await t.app.inject({ url: `/api/public/suggestions/${receipt.accessToken}` }),
    );
    expect(mine.claimReason).toBe('属于个人诉求，已转为求助办理。');
    const followed = await t.app.inject({
      url: `/api/public/tickets/${mine.ticketFollowPath?.slice(3) ?? ''}`,
    });
    expect(json<{ kind: string; description: string }>(followed)).toMatchObject({ kind: 'help' });
    const reporter = await t.handle.db
      .selectFrom('ticket_reporters')
      .select(['phone_masked', 'name_masked'])
      .where('ticket_id', '=', claimed.ticket?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(reporter).toEqual({ phone_masked: '137****7000', name_masked: '赵*' });
  });
});

describe('the handling of a suggestion', () => {
  let receipt: SuggestionReceipt;
  let id: string;

  it('is received with the 15- and 60-day limits and the proposer masked for staff', async () => {
    receipt = json<SuggestionReceipt>(
      await submit({
        ...suggestion,
        campaignId: openCampaign.id,
        name: '张三',
        phone: '13800138000',
      }),
    );
    expect(receipt.receiptCode).toMatch(/^JY-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    id = await staffIdOf(receipt);
    const view = json<StaffSuggestion>(await as('admin', 'GET', `/api/staff/suggestions/${id}`));
    expect(view).toMatchObject({
      status: 'submitted',
      proposerNameMasked: '张*',
      proposerPhoneMasked: '138****8000',
      acceptanceDueAt: new Date('2025-10-15T23:59:59.999+08:00').toISOString(),
      completionDueAt: new Date('2025-11-29T23:59:59.999+08:00').toISOString(),
      steps: ['accept', 'personal_claim'],
    });
    const stored = await t.handle.db
      .selectFrom('suggestions')
      .select(['proposer_phone_enc', 'proposer_name_enc'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(`${stored.proposer_phone_enc} ${stored.proposer_name_enc}`).not.toMatch(
      /13800138000|张三/,
    );
  });

  it('is overdue for acceptance after 15 days', async () => {
    t.clock.now = new Date('2025-10-16T01:00:00.000Z');
    const view = json<StaffSuggestion>(await as('admin', 'GET', `/api/staff/suggestions/${id}`));
    expect(view.acceptanceOverdue).toBe(true);
    expect(view.completionOverdue).toBe(false);
  });

  it('is acknowledged, handled, decided adopted; the proposer is told by SMS', async () => {
    await step(id, 'accept');
    const refused = await as('admin', 'POST', `/api/staff/suggestions/${id}/steps/decide`, {
      adoptionLevel: 'adopted',
      feedback: '采纳',
    });
    expect(refused.statusCode).toBe(422);
    await step(id, 'handle', { handlingUnit: '殷行街道城管中队', notes: '已与物业座谈。' });
    const decided = await step(id, 'decide', {
      adoptionLevel: 'adopted',
      feedback: '您的建议已采纳，每月第一个周六为楼道清理日。',
      conversionType: 'work_improvement',
    });
    expect(decided).toMatchObject({ status: 'closed', adoptionLevel: 'adopted', steps: [] });

    const mine = json<ResidentSuggestion>(
      await t.app.inject({ url: `/api/public/suggestions/${receipt.accessToken}` }),
    );
    expect(mine).toMatchObject({
      status: 'closed',
      adoptionLevel: 'adopted',
      feedback: '您的建议已采纳，每月第一个周六为楼道清理日。',
    });
    const sms = await t.handle.db
      .selectFrom('outbox')
      .selectAll()
      .where('event', '=', 'suggestion_feedback')
      .executeTakeFirstOrThrow();
    expect(sms.payload).not.toContain('13800138000');
    expect(await resolveMessage(t.ctx, sms)).toEqual({
      kind: 'send',
      to: '13800138000',
      masked: '138****8000',
      text: `【邻里】您的人民建议（${receipt.receiptCode}）已办结，办理结果：采纳。反馈意见请通过您的查询链接查看。`,
    });
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('record_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'suggestion.submit',
      'suggestion.accept',
      'suggestion.handle',
      'suggestion.decide',
    ]);
  });

  it('lists in public only adopted ones whose proposer agreed, masked, no phone', async () => {
    const hidden = json<SuggestionReceipt>(
      await submit({
        ...suggestion,
        topic: '不同意公开的建议',
        publishConsent: false,
        name: '李四',
        phone: '13600136000',
      }),
    );
    const hiddenId = await staffIdOf(hidden);
    await step(hiddenId, 'accept');
    await step(hiddenId, 'handle', { handlingUnit: '区城管执法局', notes: '研究中' });
    await step(hiddenId, 'decide', { adoptionLevel: 'adopted', feedback: '已采纳。' });
    const reference = json<SuggestionReceipt>(
      await submit({ ...suggestion, topic: '留作参考的建议' }),
    );
    const referenceId = await staffIdOf(reference);
    await step(referenceId, 'accept');
    await step(referenceId, 'handle', { handlingUnit: '区城管执法局', notes: '研究中' });
    await step(referenceId, 'decide', { adoptionLevel: 'for_reference', feedback: '留作参考。' });

    const res = await t.app.inject({ url: '/api/public/adopted-suggestions' });
    const list = json<AdoptedList>(res);
    expect(list.items.map((i) => [i.topic, i.proposer, i.adoptionLevel])).toEqual([
      ['楼道堆物定期清理日', '张*', 'adopted'],
    ]);
    expect(res.body).not.toMatch(/138|张三|李四|不同意公开/);
    const campaign = json<PublicCampaign>(
      await t.app.inject({ url: `/api/public/suggestion-campaigns/${openCampaign.id}` }),
    );
    expect(campaign.receivedCount).toBe(2);
  });

  it('follows the bureau limits set later, for suggestions received from then on', async () => {
    const set = await as('admin', 'PUT', '/api/staff/suggestion-settings', {
      acceptanceDays: 5,
      completionDays: 30,
    });
    expect(set.statusCode).toBe(200);
    const bad = await as('admin', 'PUT', '/api/staff/suggestion-settings', {
      acceptanceDays: 40,
      completionDays: 30,
    });
    expect(json<ErrorBody>(bad).details?.[0]?.field).toBe('acceptanceDays');
    t.clock.now = start;
    const later = json<SuggestionReceipt>(await submit(suggestion));
    const view = json<StaffSuggestion>(
      await as('admin', 'GET', `/api/staff/suggestions/${await staffIdOf(later)}`),
    );
    expect(view.acceptanceDueAt).toBe(new Date('2025-10-05T23:59:59.999+08:00').toISOString());
    expect(view.completionDueAt).toBe(new Date('2025-10-30T23:59:59.999+08:00').toISOString());
  });

  it('keeps a street admin to the suggestions of their street', async () => {
    const res = await as('yinhang.admin', 'GET', `/api/staff/suggestions/${id}`);
    expect(res.statusCode).toBe(404);
    expect(
      (
        await as(
          t.demo.accounts.find((a) => a.role === 'liaison')?.username ?? '',
          'GET',
          '/api/staff/suggestions',
        )
      ).statusCode,
    ).toBe(403);
  });
});
