// A mediation opened from a ticket in Chromium: the liaison opens it from the ticket's page with
// two parties and a committee mediator, records a session and a written agreement, and sees the
// last day for judicial confirmation. The parties show masked everywhere on screen.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, loginAs } from '../test/app.js';
import { keepScreenshot, openDevice, type Device } from './support/browser.js';
import { animationsDone, eventually, textOf, untranslatedKeys } from './support/page-checks.js';
import { clickMenu } from './support/menu.js';
import { startE2eServer, type E2eServer } from './support/server.js';

const applicant = { name: '张三丰', phone: '13800138000' };
const respondent = { name: '李四', phone: '13912345678' };

let server: E2eServer;
let device: Device;
let page: Page;
let ticketId = '';

/** Checks the screen shows no translation key and no party's full details, and keeps a shot. */
async function screen(name: string): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  const html = await page.content();
  for (const secret of [applicant.name, applicant.phone, respondent.phone]) {
    expect(html.includes(secret), `${secret} on ${name}`).toBe(false);
  }
  await keepScreenshot(page, name);
}

/** A Shanghai wall-clock time as a datetime-local input takes it, `hours` before now. */
function shanghaiLocal(hoursAgo: number): string {
  const at = new Date(Date.now() - hoursAgo * 3600_000 + 8 * 3600_000);
  return at.toISOString().slice(0, 16);
}

function shanghaiDay(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  server = await startE2eServer();
  const username = server.placard.liaisons[0]?.username ?? '';
  const receipt = json<{ trackingCode: string }>(
    await server.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: server.placard.token,
        kind: 'complaint',
        description: '楼上装修噪声持续到深夜，多次沟通无果。',
      },
    }),
  );
  const cookie = await loginAs(server.app, username);
  const inbox = json<{ items: { id: string; trackingCode: string }[] }>(
    await server.app.inject({ url: '/api/staff/tickets', headers: { cookie } }),
  );
  ticketId = inbox.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
  await server.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${ticketId}/actions/accept`,
    payload: {},
    headers: { cookie },
  });
  device = await openDevice('desktop');
  page = device.page;
});

afterEach(() => {
  expect(device.takeErrors(), 'page errors and console errors').toEqual([]);
});

afterAll(async () => {
  await device.close();
  await server.close();
});

describe('a mediation from the ticket page to the written agreement', () => {
  it('opens from the ticket with the parties and a committee mediator', async () => {
    await page.goto(`${server.baseUrl}/workbench/login`);
    await page.getByTestId('login-username').fill(server.placard.liaisons[0]?.username ?? '');
    await page.getByTestId('login-password').fill(server.demo.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-name').waitFor();
    await page.goto(`${server.baseUrl}/workbench/tickets/${ticketId}`);
    await page.getByTestId('ticket-mediations').waitFor();
    await page.getByTestId('mediation-open').click();
    const modal = page.getByTestId('mediation-open-modal');
    await modal.getByTestId('party-0-name').waitFor();
    await animationsDone(page);
    await modal.getByTestId('party-0-name').fill(applicant.name);
    await modal.getByTestId('party-0-phone').fill(applicant.phone);
    await modal.getByTestId('party-1-name').fill(respondent.name);
    await modal.getByTestId('party-1-phone').fill(respondent.phone);
    await modal.getByTestId('mediator-0-name').fill('王秀英');
    await keepScreenshot(page, 'mediation-01-open-form-desktop.png', { fullPage: false });
    await modal.getByTestId('mediation-open-submit').click();

    await page.getByTestId('mediation-number').waitFor();
    expect(page.url()).toContain('/workbench/mediations/');
    const parties = await textOf(page.getByTestId('mediation-parties'));
    expect(parties).toContain('张*');
    expect(parties).toContain('138****8000');
    expect(parties).toContain('139****5678');
    const status = page.getByTestId('mediation-status').first();
    expect(await status.getAttribute('data-status')).toBe('open');
    await screen('mediation-02-opened-desktop.png');
  });

  it('records a session with both parties present', async () => {
    await page.getByTestId('mediation-step-add_session').click();
    const modal = page.getByTestId('mediation-step-modal');
    await modal.getByTestId('field-heldAt').waitFor();
    await animationsDone(page);
    await modal.getByTestId('field-heldAt').fill(shanghaiLocal(1));
    await modal.getByTestId('field-place').fill('居委会调解室');
    const boxes = modal.getByTestId('field-attendee-parties').locator('input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await modal.getByTestId('field-notes').fill('双方陈述了意见，被申请人同意调整施工时间。');
    await modal.getByTestId('mediation-step-submit').click();
    await modal.waitFor({ state: 'detached' });
    await page
      .locator('[data-testid="mediation-status"][data-status="in_session"]')
      .first()
      .waitFor();
    expect(await page.getByTestId('mediation-session').count()).toBe(1);
    expect(await textOf(page.getByTestId('mediation-session'))).toContain('张*');
    await screen('mediation-03-session-desktop.png');
  });

  it('records the written agreement, shows the judicial confirmation day and the PDF', async () => {
    await page.getByTestId('mediation-step-record_written').click();
    const modal = page.getByTestId('mediation-step-modal');
    await modal.getByTestId('field-responsibilities').waitFor();
    await animationsDone(page);
    await modal.getByTestId('field-responsibilities').fill('被申请人夜间施工，应承担主要责任。');
    await modal.getByTestId('field-terms').fill('被申请人每日八时至十八时施工。');
    await modal.getByTestId('field-performanceManner').fill('自行履行');
    await modal.getByTestId('field-performanceDeadline').fill(shanghaiDay(10));
    await modal.getByTestId('mediation-step-submit').click();
    await modal.waitFor({ state: 'detached' });
    const outcome = page.getByTestId('mediation-outcome');
    await outcome.waitFor();
    await expect
      .poll(() => textOf(page.getByTestId('judicial-confirmation')), eventually)
      .toMatch(/申请司法确认的最后一日：\d{4}\/\d{2}\/\d{2}/);
    const href = await page.getByTestId('agreement-download').getAttribute('href');
    expect(href).toMatch(/\/api\/staff\/mediations\/\w+\/agreement\.pdf$/);
    await screen('mediation-04-agreement-desktop.png');
  });

  it('lists it under 调解 with the parties masked', async () => {
    await clickMenu(page, 'field', 'mediations');
    const table = page.getByTestId('mediations-table');
    await table.getByTestId('row-mediation-number').first().waitFor();
    expect(await textOf(table.getByTestId('row-parties').first())).toBe('张*、李*');
    await screen('mediation-05-list-desktop.png');
  });
});
