// A referral from the liaison's ticket to two partner departments, answered by one of them, in
// Chromium: the liaison and the department user each on a desktop, against the real app and the
// built web. The department's screens never show who reported (城管条例 Art 26).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, loginAs } from '../test/app.js';
import { keepScreenshot, openDevice, type Device } from './support/browser.js';
import {
  animationsDone,
  buttonTestIds,
  eventually,
  pageText,
  textOf,
  untranslatedKeys,
} from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';

const phone = '13800138000';
const description = `三楼阳台外加建了一间彩钢板房，我是楼下住户，电话${phone}，请为我保密。`;
const request = '请协助认定该彩钢板房是否属于违法建筑。';
const answer = '经现场核查，该彩钢板房未经规划许可，属于违法建筑。';
const clue = '巡查发现该楼栋一楼住户在天井内新建砖墙。';

let server: E2eServer;
let officerDevice: Device;
let departmentDevice: Device;
let officer: Page;
let department: Page;
let ticketId = '';
let trackingCode = '';

/** Checks the screen shows no translation key instead of text, and keeps a screenshot of it. */
async function screen(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  await keepScreenshot(page, name, options);
}

/** What on a department screen, shown or hidden in the page, would tell who reported. */
async function reporterTraces(page: Page): Promise<string[]> {
  const html = await page.content();
  const text = await pageText(page);
  const traces = [phone, '138****8000', '138 0013 8000'].filter((p) => html.includes(p));
  // The officers' label of the reporter's phone, and its "none left" text.
  for (const label of ['反映人电话', '未留电话']) {
    if (text.includes(label)) {
      traces.push(label);
    }
  }
  return traces;
}

/** `at` to the minute in Shanghai, as the watermark writes it: `2025/09/30 15:20`. */
function shanghaiMinute(at: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`;
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.baseUrl}/workbench/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.demo.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor();
}

/** What afterAll closes, last opened first. */
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  // A resident files a report at the sample placard and leaves a phone number.
  const receipt = json<{ trackingCode: string }>(
    await server.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: { placardToken: server.placard.token, kind: 'report', description, phone },
    }),
  );
  trackingCode = receipt.trackingCode;
  const cookie = await loginAs(server.app, server.placard.liaisons[0]?.username ?? '');
  const inbox = json<{ items: { id: string; trackingCode: string }[] }>(
    await server.app.inject({ url: '/api/staff/tickets', headers: { cookie } }),
  );
  ticketId = inbox.items.find((i) => i.trackingCode === trackingCode)?.id ?? '';
  officerDevice = await openDevice('desktop');
  opened.push(officerDevice);
  departmentDevice = await openDevice('desktop');
  opened.push(departmentDevice);
  officer = officerDevice.page;
  department = departmentDevice.page;
});

afterEach(() => {
  expect(
    [...officerDevice.takeErrors(), ...departmentDevice.takeErrors()],
    'page errors and console errors',
  ).toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe('a referral from the ticket to the departments and back', () => {
  it('lets the liaison refer the ticket to two departments from its detail page', async () => {
    await signIn(officer, server.placard.liaisons[0]?.username ?? '');
    await officer.goto(`${server.baseUrl}/workbench/tickets/${ticketId}`);
    const panel = officer.getByTestId('referral-panel');
    await panel.waitFor();
    await officer.getByTestId('referral-send-open').click();
    const modal = officer.getByTestId('referral-send-modal');
    await modal.getByTestId('department-fangguan').waitFor();
    await animationsDone(officer);
    await modal.getByTestId('department-fangguan').click();
    await modal.getByTestId('department-lvhua').click();
    await modal.getByTestId('kind-determination').click();
    await modal.getByTestId('referral-determination').click();
    await officer.getByTestId('determination-illegal_building').waitFor();
    await animationsDone(officer);
    await officer.getByTestId('determination-illegal_building').click();
    await modal.getByTestId('referral-request-text').fill(request);
    await screen(officer, 'referral-01-send-form-desktop.png', { fullPage: false });
    await modal.getByTestId('referral-send-submit').click();
    await modal.waitFor({ state: 'detached' });

    const items = panel.getByTestId('referral-item');
    await expect.poll(() => items.count(), eventually).toBe(2);
    const statuses = await panel
      .getByTestId('referral-status')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-status')));
    expect(statuses).toEqual(['sent', 'sent']);
    expect(await textOf(panel)).toContain('区住房保障房屋管理局');
    expect(await textOf(panel)).toContain('违法建筑认定');
    await screen(officer, 'referral-02-sent-desktop.png');
  });

  it('shows the department only referrals and clues, without the reporter', async () => {
    await signIn(department, 'fangguan.dept');
    await expect.poll(() => department.url(), eventually).toContain('/workbench/referrals');
    const menu = await department
      .locator('.wb-menu [data-testid^="menu-"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')));
    expect(menu).toEqual(['menu-referrals', 'menu-clue']);
    const row = department.getByTestId('referrals-table').locator('tr', {
      has: department.getByTestId('row-tracking-code').getByText(trackingCode),
    });
    await row.waitFor();
    expect(
      await department.getByTestId('referrals-table').locator('tbody tr[data-row-key]').count(),
    ).toBe(1);
    // The delivered, not yet accepted state has one name in the row and in the filter.
    expect(await textOf(row.getByTestId('referral-status'))).toBe('待签收');
    expect(await reporterTraces(department)).toEqual([]);
    await screen(department, 'referral-03-department-list-desktop.png');

    await row.click();
    await department.getByTestId('referral-tracking-code').waitFor();
    expect(await textOf(department.getByTestId('referral-request'))).toBe(request);
    expect(await textOf(department.getByTestId('referred-description'))).toBe(
      '三楼阳台外加建了一间彩钢板房，我是楼下住户，电话[号码已隐去]，请为我保密。',
    );
    expect(await textOf(department.getByTestId('referred-ticket'))).toContain(
      server.placard.building,
    );
    expect(await buttonTestIds(department.getByTestId('referral-steps'))).toEqual([
      'step-accept',
      'step-decline',
      'step-answer',
    ]);
    // The ticket's content is under a watermark naming the department user (who has no badge,
    // so their username) and the time to the minute, as on the officers' ticket page.
    const viewer = await server.handle.db
      .selectFrom('staff')
      .select(['name', 'badge_no'])
      .where('username', '=', 'fangguan.dept')
      .executeTakeFirstOrThrow();
    expect(viewer.badge_no).toBeNull();
    const before = Date.now();
    const mark = department.getByTestId('watermark');
    await mark.waitFor({ state: 'attached' });
    const markText = (await mark.getAttribute('data-text')) ?? '';
    expect([
      `${viewer.name} fangguan.dept ${shanghaiMinute(before)}`,
      `${viewer.name} fangguan.dept ${shanghaiMinute(before - 60_000)}`,
    ]).toContain(markText);
    expect(await mark.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    expect(await pageText(department)).not.toContain(markText);
    expect(await reporterTraces(department)).toEqual([]);
    await screen(department, 'referral-04-department-detail-desktop.png');
  });

  it('lets the department accept and answer in writing', async () => {
    await department.getByTestId('step-accept').click();
    const accept = department.getByTestId('referral-step-accept');
    await accept.getByTestId('referral-step-submit').waitFor();
    await animationsDone(department);
    await accept.getByTestId('referral-step-submit').click();
    await accept.waitFor({ state: 'detached' });
    await department.locator('[data-testid="referral-status"][data-status="accepted"]').waitFor();

    await department.getByTestId('step-answer').click();
    const reply = department.getByTestId('referral-step-answer');
    await reply.getByTestId('referral-step-text').waitFor();
    await animationsDone(department);
    await reply.getByTestId('referral-step-text').fill(answer);
    await screen(department, 'referral-05-department-answer-desktop.png', { fullPage: false });
    await reply.getByTestId('referral-step-submit').click();
    await reply.waitFor({ state: 'detached' });
    await department.locator('[data-testid="referral-status"][data-status="answered"]').waitFor();
    expect(await buttonTestIds(department.getByTestId('referral-steps'))).toEqual([]);
    expect(await textOf(department.getByTestId('own-reply'))).toContain(answer);
    expect(await reporterTraces(department)).toEqual([]);
    await screen(department, 'referral-06-department-answered-desktop.png');
  });

  it("shows the liaison the department's reply and the other one still owing it", async () => {
    await officer.reload();
    const panel = officer.getByTestId('referral-panel');
    const housing = panel.locator('[data-testid="referral-item"][data-department="fangguan"]');
    await housing.getByTestId('referral-reply').waitFor();
    expect(await textOf(housing.getByTestId('referral-reply'))).toContain(answer);
    const greenery = panel.locator('[data-testid="referral-item"][data-department="lvhua"]');
    expect(await greenery.getByTestId('referral-status').getAttribute('data-status')).toBe('sent');
    await screen(officer, 'referral-07-officer-reply-desktop.png');
  });

  it("lets the department send a clue that lands in the room liaison's inbox", async () => {
    await department.getByTestId('menu-clue').click();
    const form = department.getByTestId('clue-form');
    await form.waitFor();
    await form.getByTestId('clue-building').click();
    await department.keyboard.type(server.placard.building);
    const option = department.locator('[data-testid^="building-"]').first();
    await option.waitFor();
    await animationsDone(department);
    await option.click();
    await form.getByTestId('clue-description').fill(clue);
    expect(await reporterTraces(department)).toEqual([]);
    await screen(department, 'referral-08-department-clue-desktop.png');
    await form.getByTestId('clue-submit').click();
    const code = department.getByTestId('clue-tracking-code');
    await code.waitFor();
    const clueCode = await textOf(code);
    expect(clueCode).toMatch(/^LL-/);
    await screen(department, 'referral-09-department-clue-sent-desktop.png');

    await officer.goto(`${server.baseUrl}/workbench`);
    const row = officer.getByTestId('inbox-table').locator('tr', {
      has: officer.getByTestId('row-tracking-code').getByText(clueCode),
    });
    await row.waitFor();
    const channel = await server.handle.db
      .selectFrom('tickets')
      .select('channel')
      .where('tracking_code', '=', clueCode)
      .executeTakeFirstOrThrow();
    expect(channel.channel).toBe('dept:fangguan');
  });
});
