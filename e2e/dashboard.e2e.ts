// The dashboard and the satisfaction survey in Chromium: the bureau admin sees the charts drawn
// over a few known tickets, opens the tickets behind a bar of the community chart and an overdue
// ticket from the list; a resident on a phone answers the survey on the placard page, once.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ticketRow, type TicketPlace } from '../bench/ticket-rows.js';
import { insertTicket } from '../src/server/tickets/store.js';
import { loginAs } from '../test/app.js';
import { seriousAxeViolations } from './support/axe.js';
import { keepScreenshot, openDevice, type Device } from './support/browser.js';
import { eventually, pageText, textOf, untranslatedKeys } from './support/page-checks.js';
import { clickMenu } from './support/menu.js';
import { passSecondFactor } from './support/escalation.js';
import { startE2eServer, type E2eServer } from './support/server.js';

let server: E2eServer;
let resident: Device;
let staff: Device;
let place: TicketPlace & { community: string };
let overdueCode = '';
let streetCampaign = '';
let allStreetsCampaign = '';
const opened: { close(): Promise<void> }[] = [];
const DAY = 86_400_000;

async function screen(page: Page, name: string): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  await keepScreenshot(page, name);
}

/** The canvas of a chart whose bars have finished growing, scrolled into view, with its box. */
async function drawnChart(page: Page, testId: string) {
  await page.locator(`[data-testid="${testId}"][data-drawn="true"]`).waitFor();
  const canvas = page.getByTestId(testId).locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) {
    throw new Error(`the chart ${testId} has no box`);
  }
  return box;
}

function shanghaiDay(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * DAY).toISOString().slice(0, 10);
}

async function adminPost(url: string, payload: object): Promise<string> {
  const cookie = await loginAs(server.app, 'admin', server.demo.password);
  const res = await server.app.inject({ method: 'POST', url, payload, headers: { cookie } });
  return (JSON.parse(res.body) as { id: string }).id;
}

async function samplePlace(): Promise<TicketPlace & { community: string }> {
  const row = await server.handle.db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('rooms', 'rooms.community_id', 'communities.id')
    .select(['buildings.id', 'rooms.id as room_id', 'communities.street_id', 'communities.name'])
    .where('buildings.placard_token', '=', server.placard.token)
    .executeTakeFirstOrThrow();
  return { buildingId: row.id, roomId: row.room_id, streetId: row.street_id, community: row.name };
}

async function seedTickets(): Promise<void> {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const facts = [
    { createdAt: iso(now - 20 * DAY), resolvedAt: iso(now - 15 * DAY), rating: 'satisfied' },
    { createdAt: iso(now - 12 * DAY), resolvedAt: iso(now - 2 * DAY), rating: 'unsatisfied' },
    { createdAt: iso(now - 10 * DAY), status: 'accepted' },
  ];
  for (const [i, f] of facts.entries()) {
    const row = ticketRow(place, {
      ...f,
      matterCode: 'FXCD',
      outcome: f.resolvedAt ? 'corrected' : null,
      resolveDueAt: iso(now - (i === 2 ? 1 : -30) * DAY),
    });
    if (i === 2) {
      overdueCode = row.tracking_code;
    }
    await insertTicket(server.handle.db, row);
  }
}

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  place = await samplePlace();
  await seedTickets();
  const questions = ['总体满意度', '联络员响应速度', '诉求办理结果'];
  streetCampaign = await adminPost('/api/staff/surveys', {
    streetId: place.streetId,
    title: '社区城管满意度测评',
    opensOn: shanghaiDay(-1),
    closesOn: shanghaiDay(10),
    questions,
  });
  allStreetsCampaign = await adminPost('/api/staff/surveys', {
    streetId: null,
    title: '全区城管满意度测评',
    opensOn: shanghaiDay(-1),
    closesOn: shanghaiDay(10),
    questions,
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

describe('the dashboard', () => {
  it('draws the charts for the bureau admin, with their numbers', async () => {
    const page = staff.page;
    await page.goto(`${server.baseUrl}/workbench/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.demo.password);
    await page.getByTestId('login-submit').click();
    await passSecondFactor(page, server.baseUrl, 'admin');
    await page.getByTestId('user-name').waitFor();
    await clickMenu(page, 'analysis', 'dashboard');
    await page.getByTestId('chart-community').locator('canvas').waitFor();
    for (const id of ['chart-trend', 'chart-matter', 'chart-resident', 'chart-handler']) {
      expect(await page.getByTestId(id).locator('canvas').count(), id).toBe(1);
    }
    // The data tables sit folded under each chart: their text is there for screen readers.
    const community = (await page.getByTestId('data-community').textContent()) ?? '';
    expect(community).toContain(place.community);
    const resident = await page.getByTestId('data-resident').textContent();
    expect(resident).toContain('满意1');
    expect(resident).toContain('不满意1');
    const handler = await page.getByTestId('data-handler').textContent();
    expect(handler).toContain('2');
    await screen(page, 'dashboard-01-charts-desktop.png');
  });

  it('opens the tickets behind a bar of the community chart', async () => {
    const page = staff.page;
    const box = await drawnChart(page, 'chart-community');
    // One community: its "received" bar stands just left of the middle, from the axis up.
    const gridWidth = box.width - 48 - 16;
    await page.mouse.click(box.x + 48 + gridWidth / 2 - gridWidth * 0.08, box.y + box.height - 70);
    await page.getByTestId('records-table').waitFor();
    await expect
      .poll(() => textOf(page.getByTestId('records-total')), eventually)
      .toContain('共 3 件');
    expect(await page.getByTestId('record-link').count()).toBe(3);
    await screen(page, 'dashboard-02-records-desktop.png');
  });

  it('lists the overdue ticket and opens it', async () => {
    const page = staff.page;
    await page.goto(`${server.baseUrl}/workbench/dashboard`);
    const link = page.getByTestId('overdue-row-link');
    await link.first().waitFor();
    expect(await textOf(link.first())).toBe(overdueCode);
    await link.first().click();
    await expect.poll(() => page.url(), eventually).toMatch(/\/workbench\/tickets\/[a-z0-9]+$/);
    await expect.poll(() => pageText(page), eventually).toContain(overdueCode);
  });

  it("picks a street; its overdue bar opens the inbox's overdue list of that street", async () => {
    const page = staff.page;
    await page.goto(`${server.baseUrl}/workbench/dashboard`);
    const street = await server.handle.db
      .selectFrom('streets')
      .select('name')
      .where('id', '=', place.streetId)
      .executeTakeFirstOrThrow();
    await page.getByTestId('dashboard-street').click();
    await page.locator('.ant-select-dropdown').getByTitle(street.name, { exact: true }).click();
    await expect.poll(() => page.url(), eventually).toContain(`streetId=${place.streetId}`);
    await expect
      .poll(() => textOf(page.getByTestId('overdue-table')), eventually)
      .toContain(overdueCode);
    await screen(page, 'dashboard-03-street-picked-desktop.png');
    const box = await drawnChart(page, 'chart-overdue');
    // One street, one series: its bar stands in the middle of the grid, from the axis up.
    await page.mouse.click(box.x + 48 + (box.width - 64) / 2, box.y + box.height - 70);
    await expect.poll(() => page.url(), eventually).toContain('due=overdue');
    expect(new URL(page.url()).searchParams.get('streetId')).toBe(place.streetId);
    await page.getByTestId('inbox-street-filter').waitFor();
    const rows = page.getByTestId('inbox-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), eventually).toBe(1);
    expect(await textOf(rows.first())).toContain(overdueCode);
    await screen(page, 'dashboard-04-inbox-overdue-street-desktop.png');
  });
});

describe('the satisfaction survey', () => {
  it('is answered once by a resident on the placard page of a phone', async () => {
    const page = resident.page;
    await page.goto(`${server.baseUrl}/b/${server.placard.token}`);
    const form = page.getByTestId('survey-form').filter({ hasText: '社区城管满意度测评' });
    await form.waitFor();
    for (const [i, choice] of ['satisfied', 'basically_satisfied', 'satisfied'].entries()) {
      await form.getByTestId(`survey-q${String(i)}-${choice}`).click();
    }
    await form.locator('textarea').fill('联络员上门很及时。');
    await keepScreenshot(page, 'survey-01-placard-form-mobile.png');
    await form.getByTestId('survey-submit').click();
    await page.getByTestId('survey-done').first().waitFor();
    expect(await pageText(page)).toContain('感谢您参加本次测评');
    await screen(page, 'survey-02-placard-done-mobile.png');
    const stored = await server.handle.db
      .selectFrom('survey_answers')
      .select(['overall', 'street_id'])
      .where('campaign_id', '=', streetCampaign)
      .execute();
    expect(stored).toEqual([{ overall: 'satisfied', street_id: place.streetId }]);
  });

  it('is made for one street by the bureau admin in the workbench', async () => {
    const page = staff.page;
    await page.goto(`${server.baseUrl}/workbench/surveys`);
    await page.getByTestId('survey-new').click();
    const street = await server.handle.db
      .selectFrom('streets')
      .select('name')
      .where('id', '=', place.streetId)
      .executeTakeFirstOrThrow();
    await page.getByTestId('survey-street').click();
    await page.locator('.ant-select-dropdown').getByTitle(street.name, { exact: true }).click();
    await page.getByTestId('survey-title').fill('本街道专项测评');
    await page.getByTestId('survey-opens').fill(shanghaiDay(0));
    await page.getByTestId('survey-closes').fill(shanghaiDay(7));
    await page.getByTestId('survey-save').click();
    const row = page.getByTestId('surveys-table').locator('tr', { hasText: '本街道专项测评' });
    await row.waitFor();
    expect(await textOf(row)).toContain(street.name);
    const stored = await server.handle.db
      .selectFrom('survey_campaigns')
      .select('street_id')
      .where('title', '=', '本街道专项测评')
      .execute();
    expect(stored).toEqual([{ street_id: place.streetId }]);
    await screen(page, 'survey-04-one-street-campaign-desktop.png');
  });

  it('passes axe on its own page', async () => {
    const page = resident.page;
    await page.goto(`${server.baseUrl}/survey/${allStreetsCampaign}`);
    await page.getByTestId('survey-form').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screen(page, 'survey-03-page-mobile.png');
  });
});
