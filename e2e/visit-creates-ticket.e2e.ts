// A liaison logs a visit on a phone with one issue found, which becomes a ticket in their inbox
// ("走访发现"); the street admin sees the week's visit compliance on a desktop. In Chromium, against
// the real app and the built web (docs/visits-and-meetings.md).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { devices, openDevice, type Device } from './support/browser.js';
import { inboxRow, openFromInbox, pickOption, screen, signIn } from './support/escalation.js';
import { animationsDone, eventually, scrollWidth, textOf } from './support/page-checks.js';
import { clickMenu } from './support/menu.js';
import { startE2eServer, type E2eServer } from './support/server.js';

const photo = path.resolve(import.meta.dirname, '../test/cases/uploads/photo-exif-gps.jpg');
const notes = '与居委会、物业座谈楼道堆物整治，物业承诺本周清理。';
const issue = '2号楼北侧天井内新建砖墙，疑似违法搭建。';
const phoneWidth = devices.phone.viewport.width;

let server: E2eServer;
let phoneDevice: Device;
let adminDevice: Device;
let liaison: Page;
let admin: Page;
let trackingCode = '';
let visitUrl = '';

/** The steps done so far; a step whose predecessor failed is skipped at once. */
const reached = new Set<'logged' | 'in-inbox'>();
function needs(step: 'logged' | 'in-inbox', skip: (note: string) => never): void {
  if (!reached.has(step)) {
    skip(`the step before did not reach "${step}"`);
  }
}

const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  [phoneDevice, adminDevice] = await Promise.all([openDevice('phone'), openDevice('desktop')]);
  opened.push(phoneDevice, adminDevice);
  liaison = phoneDevice.page;
  admin = adminDevice.page;
});

afterEach(() => {
  expect(
    [...phoneDevice.takeErrors(), ...adminDevice.takeErrors()],
    'page errors and console errors',
  ).toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe('a visit that finds an issue', () => {
  it('lets the liaison log the visit on a 360 px phone with one issue found', async () => {
    await signIn(liaison, server.baseUrl, 'yinhang.1', server.demo.password);
    await liaison.goto(`${server.baseUrl}/workbench/visits`);
    await liaison.getByTestId('compliance-table').waitFor();
    await liaison.getByTestId('visit-new').click();
    const form = liaison.getByTestId('visit-form');
    await form.waitFor();
    // The one community of the liaison's room is chosen already.
    await expect
      .poll(() => textOf(liaison.getByTestId('visit-community')), eventually)
      .toBe('殷行一村居委会');
    await liaison.getByTestId('partner-residents_committee').click();
    await liaison.getByTestId('partner-property_manager').click();
    await liaison.getByTestId('visit-notes').fill(notes);

    await liaison.getByTestId('issue-add').click();
    const first = liaison.getByTestId('issue-0');
    await first.waitFor();
    await pickOption(liaison, first.getByTestId('issue-0-kind'), 'kind-option-complaint');
    await first.getByTestId('issue-0-matter').click();
    await liaison.keyboard.type('违法搭建');
    await pickOption(liaison, first.getByTestId('issue-0-matter'), 'matter-option-WFDJ');
    await first.getByTestId('issue-0-building').click();
    const building = liaison.locator('.ant-select-item-option', { hasText: '殷行一村2号楼' });
    await building.waitFor();
    await animationsDone(liaison);
    await building.click();
    await first.getByTestId('issue-0-description').fill(issue);
    await first.getByTestId('issue-0-photos').locator('input[type="file"]').setInputFiles(photo);
    await first
      .locator('.ant-upload-list-item-done, .ant-upload-list-item-container img')
      .first()
      .waitFor();
    await expect.poll(() => liaison.getByTestId('visit-submit').isEnabled(), eventually).toBe(true);

    expect(await scrollWidth(liaison)).toBeLessThanOrEqual(phoneWidth);
    await screen(liaison, 'visit-01-form-phone.png');

    await liaison.getByTestId('visit-submit').click();
    const created = liaison.getByTestId('visit-created');
    await created.waitFor();
    expect(await textOf(created)).toBe('走访已记录，生成诉求 1 条。');
    const facts = await textOf(liaison.getByTestId('visit-facts'));
    expect(facts).toContain('殷行一村居委会');
    expect(facts).toContain('居委会');
    expect(facts).toContain('物业');
    const ticket = liaison.getByTestId('linked-ticket');
    expect(await ticket.count()).toBe(1);
    trackingCode = await textOf(ticket.getByTestId('linked-ticket-code'));
    expect(trackingCode).toMatch(/^LL-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await textOf(ticket)).toContain('殷行一村2号楼');
    expect(await scrollWidth(liaison)).toBeLessThanOrEqual(phoneWidth);
    await screen(liaison, 'visit-02-logged-phone.png');
    visitUrl = liaison.url();
    reached.add('logged');
  });

  it('shows the new ticket in the liaison’s inbox under the channel 走访发现', async ({ skip }) => {
    needs('logged', skip);
    await liaison.goto(`${server.baseUrl}/workbench`);
    await liaison.getByTestId('inbox-table').waitFor();
    const channel = liaison.getByTestId('filter-channel');
    await channel.click();
    const option = liaison.locator('.ant-select-item-option', { hasText: '走访发现' });
    await option.waitFor();
    await animationsDone(liaison);
    await option.click();
    await expect
      .poll(() => new URL(liaison.url()).searchParams.get('channel'), eventually)
      .toBe('visit');
    expect(await textOf(channel)).toBe('走访发现');
    await inboxRow(liaison, trackingCode).waitFor();
    const rows = liaison.getByTestId('inbox-table').locator('tbody tr[data-row-key]');
    await expect.poll(() => rows.count(), eventually).toBe(1);
    await screen(liaison, 'visit-03-inbox-channel-phone.png');
    reached.add('in-inbox');
  });

  it('opens the ticket, which says it was found on the liaison’s visit', async ({ skip }) => {
    needs('in-inbox', skip);
    await openFromInbox(liaison, trackingCode);
    expect(await textOf(liaison.getByTestId('ticket-description'))).toBe(issue);
    expect(await textOf(liaison.getByTestId('ticket-facts'))).toContain('联络员走访时发现');
    const submitted = liaison.locator('[data-testid="timeline-entry"][data-type="submitted"]');
    expect(await textOf(submitted.getByTestId('timeline-origin'))).toBe('联络员走访时发现');
    expect(await textOf(submitted)).toContain('孙勇');
    const origin = liaison.getByTestId('ticket-field-work');
    await origin.waitFor();
    expect(await textOf(origin)).toContain('孙勇 走访殷行一村居委会时发现');
    expect(await liaison.getByTestId('staff-photos').locator('img').count()).toBe(1);
    await screen(liaison, 'visit-04-ticket-phone.png');
  });

  it('shows the street admin this week’s compliance: one visit of two for the liaison', async ({
    skip,
  }) => {
    needs('logged', skip);
    await signIn(admin, server.baseUrl, 'yinhang.admin', server.demo.password);
    await clickMenu(admin, 'field', 'visits');
    const table = admin.getByTestId('compliance-table');
    const row = table.locator('tr', { has: admin.getByText('孙勇', { exact: true }) });
    await row.waitFor();
    const thisWeek = row.getByTestId('compliance-cell').last();
    expect(await thisWeek.getAttribute('data-state')).toBe('in_progress');
    expect(await textOf(thisWeek)).toBe('1/2 本周进行中');
    expect(await table.locator('tbody tr[data-row-key]').count()).toBe(6);
    expect(await textOf(admin.getByTestId('compliance-summary'))).toBe(
      '所选周 6 名联络员中 0 名达到每周 2 次',
    );
    expect(await textOf(admin.getByTestId('compliance-week'))).toBe('本周');
    await expect
      .poll(
        () => admin.getByTestId('visits-table').locator('tbody tr[data-row-key]').count(),
        eventually,
      )
      .toBe(1);
    await screen(admin, 'visit-05-compliance-desktop.png');
  });

  it('opens a mediation from the visit, for the visit’s community', async ({ skip }) => {
    needs('logged', skip);
    await liaison.goto(visitUrl);
    await liaison.getByTestId('visit-mediation-open').click();
    const modal = liaison.getByTestId('mediation-open-modal');
    await modal.getByTestId('party-0-name').waitFor();
    await animationsDone(liaison);
    await modal.getByTestId('party-0-name').fill('赵一鸣');
    await modal.getByTestId('party-1-name').fill('钱二妹');
    await modal.getByTestId('mediator-0-name').fill('王秀英');
    await modal.getByTestId('mediation-open-submit').click();
    await liaison.getByTestId('mediation-number').waitFor();
    expect(liaison.url()).toContain('/workbench/mediations/');
    const parties = await textOf(liaison.getByTestId('mediation-parties'));
    expect(parties).toContain('赵*');
    expect(parties).not.toContain('赵一鸣');
    await screen(liaison, 'visit-06-mediation-from-visit-phone.png');
  });
});
