// An enforcement case from a resident's ticket to its closure, in Chromium: the room's liaison
// accepts the ticket, registers a case from it, investigates with a photo, notifies the party,
// decides a fine inside the matter's range, delivers, records the payment and closes; the ticket
// then shows resolved with the reply that follows the outcome (docs/cases.md).
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../test/app.js';
import { openDevice, type Device } from './support/browser.js';
import { openFromInbox, pickOption, screen, signIn, waitForStatus } from './support/escalation.js';
import { animationsDone, eventually, textOf } from './support/page-checks.js';
import { clickMenu } from './support/menu.js';
import { startE2eServer, type E2eServer } from './support/server.js';
import { shanghaiDate } from '../src/domain/working-calendar.js';

const description = '3号楼门厅里每天晚上都有人把电动自行车推进来充电，楼里的人都很担心。';
const reply = '已立案处罚：对当事人处以罚款500元，已执行完毕，案件已结案。';
const photo = path.resolve(import.meta.dirname, '../test/cases/uploads/photo-exif-gps.jpg');

let server: E2eServer;
let device: Device;
let page: Page;
let trackingCode = '';
let caseUrl = '';

const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  const filed = await server.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: { placardToken: server.placard.token, kind: 'complaint', description },
  });
  trackingCode = json<{ trackingCode: string }>(filed).trackingCode;
  device = await openDevice('desktop');
  opened.push(device);
  page = device.page;
});

afterEach(() => {
  expect(device.takeErrors(), 'page errors and console errors').toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

/** The case's stage as its tag shows it. */
async function caseStatus(): Promise<string | null> {
  return page.getByTestId('case-header').getByTestId('case-status').getAttribute('data-status');
}

/** Opens a step's dialog from the step bar and waits until it has finished opening. */
async function openStep(step: string): Promise<Locator> {
  await page.getByTestId(`case-step-${step}`).click();
  const modal = page.getByTestId(`case-step-modal-${step}`);
  await modal.getByTestId('case-step-submit').waitFor();
  await animationsDone(page);
  return modal;
}

/** Submits a step's dialog and waits for the case to reach `status`. */
async function submitStep(modal: Locator, status: string): Promise<void> {
  await modal.getByTestId('case-step-submit').click();
  await modal.waitFor({ state: 'detached' });
  await expect.poll(caseStatus, eventually).toBe(status);
}

describe('an enforcement case from a ticket to closure', () => {
  it('registers a case from the accepted ticket with the party and the matter', async () => {
    const liaison = server.placard.liaisons[0]?.username ?? '';
    await signIn(page, server.baseUrl, liaison, server.demo.password);
    await openFromInbox(page, trackingCode);
    await page.getByTestId('action-accept').click();
    await waitForStatus(page, 'accepted');
    await page.getByTestId('action-to_case').click();
    const form = page.getByTestId('case-register');
    await form.waitFor();
    expect(await textOf(page.getByTestId('case-register-ticket'))).toContain(trackingCode);
    expect(await page.getByTestId('case-facts').inputValue()).toBe(description);
    await page.getByTestId('case-matter').click();
    await page.keyboard.type('居住建筑内');
    const option = page.locator('.ant-select-item-option', {
      hasText: '在居住建筑内停放电动自行车或充电',
    });
    await option.waitFor();
    await animationsDone(page);
    await option.click();
    await page.getByTestId('matter-basis').waitFor();
    expect(await textOf(page.getByTestId('matter-basis'))).toContain('第四十四条第二款第（四）项');
    await page.getByTestId('case-place').fill('殷行路示例小区3号楼一楼门厅');
    await page.getByTestId('party-name').fill('张三丰');
    await page.getByTestId('party-id-number').fill('310110198001011236');
    await page.getByTestId('party-address').fill('殷行路示例小区3号楼101室');
    await page.getByTestId('party-phone').fill('13912345678');
    await screen(page, 'case-01-register-desktop.png');
    await page.getByTestId('case-register-submit').click();
    await page.getByTestId('case-no').waitFor();
    caseUrl = page.url();
    expect(await textOf(page.getByTestId('case-no'))).toMatch(/^殷行街道〔\d{4}〕0001号$/);
    expect(await caseStatus()).toBe('registered');
    expect(await textOf(page.getByTestId('case-party-name'))).toBe('张*');
    expect(await textOf(page.getByTestId('case-first-violation'))).toBe('首次违法');
    expect(await page.getByTestId('limit-decision').getAttribute('data-state')).toBe('running');
    await screen(page, 'case-02-registered-desktop.png');
  });

  it('investigates and keeps a photo as evidence', async () => {
    await submitStep(await openStep('investigate'), 'investigating');
    const upload = page.getByTestId('case-evidence-upload').locator('input[type=file]');
    await upload.setInputFiles(photo);
    await page.getByTestId('case-evidence-upload').locator('.ant-upload-list-item-done').waitFor();
    await page.getByTestId('case-evidence-caption').fill('门厅内正在充电的电动自行车');
    await page.getByTestId('case-evidence-submit').click();
    await expect.poll(() => page.getByTestId('case-evidence-item').count(), eventually).toBe(1);
    await screen(page, 'case-03-evidence-desktop.png');
  });

  it('notifies the party and decides a fine inside the 200–500 元 range', async () => {
    const notify = await openStep('notify');
    await notify.getByTestId('field-proposedFineFen').fill('500');
    await notify
      .getByTestId('field-summary')
      .fill('拟对当事人处以罚款500元，当事人享有陈述、申辩的权利。');
    await submitStep(notify, 'notified');

    const decide = await openStep('decide');
    await decide.getByTestId('field-decisionNo').fill('殷城管罚〔2026〕1号');
    await decide.getByTestId('field-fineFen').fill('600');
    await decide.getByTestId('case-step-submit').click();
    await decide.getByText('罚款须在 200 元至 500 元之间（该事项法定幅度）').waitFor();
    await screen(page, 'case-04-fine-out-of-range-desktop.png', { fullPage: false });
    await decide.getByTestId('field-fineFen').fill('500');
    await submitStep(decide, 'decided');
    expect(await textOf(page.getByTestId('case-fine'))).toBe('500 元');
    expect(await page.getByTestId('limit-delivery').getAttribute('data-state')).toBe('running');
  });

  it('delivers the decision, records the payment and closes the case', async () => {
    const deliver = await openStep('deliver');
    await pickOption(page, deliver.getByTestId('field-method'), 'method-direct');
    await submitStep(deliver, 'delivered');
    expect(await page.getByTestId('limit-payment').getAttribute('data-state')).toBe('running');
    await submitStep(await openStep('record_payment'), 'executing');
    // Paid today, within the 15 days: no surcharge.
    expect(await textOf(page.getByTestId('case-surcharge'))).toBe(
      `已于 ${shanghaiDate(new Date())} 缴纳，合计 500 元。`,
    );
    await submitStep(await openStep('close'), 'closed');
    expect(await textOf(page.getByTestId('case-ticket-reply'))).toBe(reply);
    const events = await page
      .getByTestId('case-timeline-entry')
      .evaluateAll((entries) => entries.map((e) => e.getAttribute('data-type')));
    expect(events).toEqual([
      'registered',
      'investigate',
      'evidence_added',
      'notify',
      'decide',
      'deliver',
      'record_payment',
      'close',
    ]);
    await screen(page, 'case-05-closed-desktop.png');
  });

  it('shows the ticket resolved with the reply that follows the outcome', async () => {
    await page.getByTestId('case-ticket-link').click();
    await waitForStatus(page, 'resolved');
    expect(await textOf(page.getByTestId('ticket-reply'))).toBe(reply);
    expect(await textOf(page.getByTestId('ticket-case-box'))).toContain('本诉求已立案查处');
    await screen(page, 'case-06-ticket-resolved-desktop.png');
    await clickMenu(page, 'field', 'cases');
    await page.getByTestId('cases-table').waitFor();
    await page.goto(`${server.baseUrl}/workbench/cases?status=closed`);
    const row = page
      .getByTestId('cases-table')
      .locator('tr', { has: page.getByTestId('row-case-no') });
    await expect.poll(() => row.count(), eventually).toBe(1);
    expect(caseUrl).toContain('/workbench/cases/');
    await screen(page, 'case-07-case-list-desktop.png');
  });
});
