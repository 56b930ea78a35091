// Public suggestions and published consultations in Chromium: on a phone, a resident sends a
// suggestion to a campaign; the bureau admin acknowledges, handles and adopts it with feedback;
// the resident's status page shows the decision and the adopted list shows it with the proposer
// masked. A liaison publishes an answered consultation from the workbench and it appears in /qa.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.js';
import { keepScreenshot, openDevice, type Device } from './support/browser.js';
import {
  animationsDone,
  eventually,
  pageText,
  textOf,
  untranslatedKeys,
} from './support/page-checks.js';
import { passSecondFactor } from './support/escalation.js';
import { startE2eServer, type E2eServer } from './support/server.js';
import { loginAs } from '../test/app.js';

let server: E2eServer;
let resident: Device;
let staff: Device;
let followUrl = '';
const opened: { close(): Promise<void> }[] = [];

const topic = '楼道堆物定期清理日';
const feedback = '您的建议已采纳，每月第一个周六为楼道清理日。';

async function screen(page: Page, name: string): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  await keepScreenshot(page, name);
}

/** A public page checked as a person with assistive technology would meet it. */
async function publicScreen(page: Page, name: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
  await screen(page, name);
}

async function signIn(page: Page, username: string): Promise<void> {
  // A fresh sign-in: whoever was signed in on this browser before is signed out.
  await page.context().clearCookies();
  await page.goto(`${server.baseUrl}/workbench/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.demo.password);
  await page.getByTestId('login-submit').click();
  await passSecondFactor(page, server.baseUrl, username);
  await page.getByTestId('user-name').waitFor();
}

async function api(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = await loginAs(server.app, username, server.demo.password);
  const res = await server.app.inject({ method, url, payload, headers: { cookie } });
  return JSON.parse(res.body) as Record<string, unknown>;
}

function shanghaiDay(offsetDays: number): string {
  const at = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return at.toISOString().slice(0, 10);
}

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  await api('admin', 'POST', '/api/staff/suggestion-campaigns', {
    topic: '楼道堆物治理金点子征集',
    description: '楼道堆物反复出现，怎样才能管得住、管得久？',
    channels: ['online', 'hotline_12345', 'letter'],
    startsOn: shanghaiDay(-3),
    deadlineOn: shanghaiDay(20),
  });
  resident = await openDevice('phone');
  opened.push(resident);
  staff = await openDevice('desktop');
  opened.push(staff);
});

afterEach(() => {
  expect([...resident.takeErrors(), ...staff.takeErrors()], 'page errors').toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe('a suggestion to a campaign', () => {
  it('sends a personal matter the ticket way', async () => {
    const page = resident.page;
    await page.goto(`${server.baseUrl}/suggest`);
    await page.getByTestId('suggest-campaign').first().waitFor();
    await publicScreen(page, 'suggest-01-page-mobile.png');
    await page.getByTestId('suggest-own-yes').check();
    const redirect = page.getByTestId('suggest-redirect');
    expect(await textOf(redirect)).toContain('个人诉求不属于人民建议');
    expect(await redirect.getByRole('link').getAttribute('href')).toBe('/guide');
    expect(await page.getByTestId('suggest-topic').count()).toBe(0);
  });

  it('is sent by a resident on a phone and followed on the status page', async () => {
    const page = resident.page;
    await page.getByTestId('suggest-campaign').first().click();
    await page.getByTestId('campaign-topic').waitFor();
    expect(await textOf(page.getByTestId('campaign-phase'))).toBe('征集中');
    await page.getByTestId('suggest-own-no').check();
    await page.getByTestId('suggest-topic').fill(topic);
    await page.getByTestId('suggest-reason').fill('楼道堆物反复出现，影响消防通道。');
    await page.getByTestId('suggest-proposal').fill('建议每月固定一天由物业和志愿者集中清理。');
    await page.getByTestId('suggest-name').fill('张三');
    await page.getByTestId('suggest-phone').fill('138 0013 8000');
    await page.getByTestId('suggest-consent').check();
    await publicScreen(page, 'suggest-02-campaign-form-mobile.png');
    await page.getByTestId('suggest-submit').click();
    await page.getByTestId('suggest-receipt').waitFor();
    expect(await textOf(page.getByTestId('suggest-receipt-code'))).toMatch(
      /^JY-[0-9A-Z]{5}-[0-9A-Z]{5}$/,
    );
    expect(await textOf(page.getByTestId('campaign-count'))).toBe('0');
    await page.getByTestId('suggest-follow').click();
    await page.getByTestId('suggest-status').waitFor();
    followUrl = page.url();
    expect(await textOf(page.getByTestId('suggest-status'))).toBe('已提交，待受理');
    await publicScreen(page, 'suggest-03-status-mobile.png');
  });

  it('is acknowledged, handled and adopted with feedback by the bureau admin', async () => {
    const page = staff.page;
    await signIn(page, 'admin');
    await page.goto(`${server.baseUrl}/workbench/suggestions`);
    const row = page.getByTestId('suggestions-table').locator('tr', { hasText: topic });
    await row.waitFor();
    expect(await textOf(row)).toContain('张*');
    expect(await pageText(page)).not.toContain('13800138000');
    await row.getByTestId('suggestion-row-link').click();
    await page.getByTestId('suggestion-step-accept').click();
    await page.getByTestId('step-ok').click();
    await page.getByTestId('suggestion-step-handle').click();
    await page.getByTestId('step-handling-unit').fill('殷行街道城管中队');
    await page.getByTestId('step-notes').fill('已与物业和居委会座谈。');
    await page.getByTestId('step-ok').click();
    await page.getByTestId('suggestion-step-decide').click();
    await page.getByTestId('step-adoption').click();
    const option = page.locator('.ant-select-item-option[title="采纳"]');
    await option.waitFor();
    await animationsDone(page);
    await option.click();
    await page.getByTestId('step-feedback').fill(feedback);
    await screen(page, 'suggest-04-decide-desktop.png');
    await page.getByTestId('step-ok').click();
    await expect
      .poll(() => textOf(page.getByTestId('suggestion-status')), eventually)
      .toBe('已办结');
    await screen(page, 'suggest-05-decided-desktop.png');
  });

  it('shows the resident the decision and lists it adopted with the proposer masked', async () => {
    const page = resident.page;
    await page.goto(followUrl);
    await page.getByTestId('suggest-outcome').waitFor();
    expect(await textOf(page.getByTestId('suggest-level'))).toBe('采纳');
    expect(await textOf(page.getByTestId('suggest-feedback'))).toBe(feedback);
    await publicScreen(page, 'suggest-06-decided-mobile.png');

    await page.goto(`${server.baseUrl}/suggest`);
    const item = page.getByTestId('suggest-adopted-item').filter({ hasText: topic });
    await item.waitFor();
    expect(await textOf(item)).toContain('建议人：张*');
    expect(await textOf(item)).toContain(feedback);
    const text = await pageText(page);
    expect(text).not.toContain('张三');
    expect(text).not.toMatch(/138.?0013.?8000/);
    await publicScreen(page, 'suggest-07-adopted-mobile.png');
  });
});

describe('a published consultation', () => {
  const question = '楼下有人从窗口拉电线给电动车充电，归谁管？';

  it('is published from the ticket page with the phone taken out, and appears in /qa', async () => {
    const receipt = await server.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: server.placard.token,
        kind: 'consultation',
        matterCode: 'FXCD',
        description: `${question}我的电话13900139000。`,
        phone: '13900139000',
      },
    });
    const code = (JSON.parse(receipt.body) as { trackingCode: string }).trackingCode;
    const liaison = server.placard.liaisons[0]?.username ?? '';
    const list = await api('admin', 'GET', '/api/staff/tickets?status=all&pageSize=100');
    const items = list.items as { id: string; trackingCode: string }[];
    const id = items.find((i) => i.trackingCode === code)?.id ?? '';
    await api(liaison, 'POST', `/api/staff/tickets/${id}/actions/accept`, {});
    await api(liaison, 'POST', `/api/staff/tickets/${id}/actions/contact`, { method: 'phone' });
    await api(liaison, 'POST', `/api/staff/tickets/${id}/actions/resolve`, {
      outcome: 'answered',
      reply: '归城管执法部门管，可处50元以上200元以下罚款。请扫楼栋联络牌反映具体位置。',
    });

    const page = staff.page;
    await signIn(page, liaison);
    await page.goto(`${server.baseUrl}/workbench/tickets/${id}`);
    await page.getByTestId('qa-publish').click();
    await page.getByTestId('qa-question').waitFor();
    await animationsDone(page);
    expect(await page.getByTestId('qa-question').inputValue()).toBe(
      `${question}我的电话[电话已隐去]。`,
    );
    await page.getByTestId('qa-question').fill(question);
    await screen(page, 'qa-01-publish-desktop.png');
    await page.getByTestId('qa-save').click();
    await expect
      .poll(() => textOf(page.getByTestId('qa-publish-status')), eventually)
      .toBe('已发布');

    const phone = resident.page;
    await phone.goto(`${server.baseUrl}/qa`);
    const entry = phone.getByTestId('qa-item').filter({ hasText: question });
    await entry.waitFor();
    expect(await pageText(phone)).not.toContain(code);
    await publicScreen(phone, 'qa-02-list-mobile.png');
    await entry.click();
    await phone.getByTestId('qa-answer').waitFor();
    expect(await textOf(phone.getByTestId('qa-question'))).toBe(question);
    expect(await phone.getByTestId('qa-ask').getAttribute('href')).toBe('/guide');
    await publicScreen(phone, 'qa-03-detail-mobile.png');
  });
});
