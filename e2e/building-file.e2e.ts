// The building file (一房一档) in Chromium: a resident's ticket at the sample placard and a
// printed placard are there; the street admin opens the ticket, follows its building to the
// building file and finds both in the timeline, with no reporter data on the page.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, loginAs } from '../test/app.js';
import { registration } from '../test/case-scene.js';
import { keepScreenshot, openDevice, type Device } from './support/browser.js';
import {
  animationsDone,
  eventually,
  pageText,
  textOf,
  untranslatedKeys,
} from './support/page-checks.js';
import { clickMenu } from './support/menu.js';
import { startE2eServer, type E2eServer } from './support/server.js';

const phone = '13800138000';

let server: E2eServer;
let device: Device;
let liaisonDevice: Device;
let admin: Page;
let liaison: Page;
let ticketId = '';
let trackingCode = '';
const opened: { close(): Promise<void> }[] = [];

async function screen(page: Page, name: string): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  await keepScreenshot(page, name);
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.baseUrl}/workbench/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.demo.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor();
}

/** The liaison marks the sample building's placard printed, through the placard API. */
async function printSamplePlacard(cookie: string): Promise<void> {
  const building = await server.handle.db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .select(['buildings.id', 'communities.code'])
    .where('buildings.placard_token', '=', server.placard.token)
    .executeTakeFirstOrThrow();
  const register = json<{ items: { building: { id: string }; version: string }[] }>(
    await server.app.inject({
      url: `/api/staff/placards/register?communityCode=${building.code}&pageSize=100`,
      headers: { cookie },
    }),
  );
  const version = register.items.find((r) => r.building.id === building.id)?.version ?? '';
  const marked = await server.app.inject({
    method: 'POST',
    url: '/api/staff/placards/mark-printed',
    payload: { buildings: [{ id: building.id, version }] },
    headers: { cookie },
  });
  expect(marked.statusCode, marked.body).toBe(200);
}

/** The liaison takes an accepted ticket to a closed 违法搭建 case today, through the case API. */
async function closedCase(cookie: string, id: string): Promise<void> {
  const post = async (url: string, payload: object) => {
    const res = await server.app.inject({ method: 'POST', url, payload, headers: { cookie } });
    expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
    return json<{ id: string }>(res);
  };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await post(`/api/staff/tickets/${id}/actions/accept`, {});
  const c = await post('/api/staff/cases', registration({ ticketId: id, matterCode: 'WFDJ' }));
  const step = (name: string, body: object) => post(`/api/staff/cases/${c.id}/steps/${name}`, body);
  await step('investigate', {});
  await step('decide', {
    kind: 'no_penalty',
    decidedOn: today,
    decisionNo: '殷城管不罚〔2026〕9号',
    clause: 'minor_corrected',
    educationForm: 'talk',
    educationContent: '当面讲解有关规定。',
    correctionDueOn: today,
    followUpOn: today,
  });
  await step('deliver', { deliveredOn: today, method: 'direct' });
  await step('follow_up', { checkedOn: today, result: 'corrected', note: '已拆除' });
  await step('close', {});
}

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  const officer = await loginAs(server.app, server.placard.liaisons[0]?.username ?? '');
  await printSamplePlacard(officer);
  const receipt = json<{ trackingCode: string }>(
    await server.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: server.placard.token,
        kind: 'complaint',
        description: '楼道里堆满了旧家具，晚上出入很不方便。',
        phone,
        reporterName: '王小明',
      },
    }),
  );
  trackingCode = receipt.trackingCode;
  const inbox = json<{ items: { id: string; trackingCode: string }[] }>(
    await server.app.inject({ url: '/api/staff/tickets', headers: { cookie: officer } }),
  );
  ticketId = inbox.items.find((i) => i.trackingCode === trackingCode)?.id ?? '';
  device = await openDevice('desktop');
  opened.push(device);
  admin = device.page;
  liaisonDevice = await openDevice('desktop');
  opened.push(liaisonDevice);
  liaison = liaisonDevice.page;
});

afterEach(() => {
  expect(
    [...device.takeErrors(), ...liaisonDevice.takeErrors()],
    'page errors and console errors',
  ).toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe('from a ticket to its building file', () => {
  it('shows the street admin the building of the ticket as a link', async () => {
    await signIn(admin, 'yinhang.admin');
    await admin.goto(`${server.baseUrl}/workbench/tickets/${ticketId}`);
    const link = admin.getByTestId('ticket-building-link');
    await link.waitFor();
    expect(await textOf(link)).toContain(server.placard.building);
    await screen(admin, 'building-file-01-ticket-desktop.png');
  });

  it('opens the building file with the ticket and printed placard in its timeline', async () => {
    await admin.getByTestId('ticket-building-link').click();
    await admin.getByTestId('building-timeline').waitFor();
    expect(await textOf(admin.getByTestId('building-name'))).toContain(server.placard.building);
    const kinds = await admin
      .getByTestId('timeline-item')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-kind')));
    expect(kinds).toEqual(['ticket_filed', 'placard_printed', 'placard_point_added']);
    const ticketItem = admin.locator('[data-testid="timeline-item"][data-kind="ticket_filed"]');
    expect(await textOf(ticketItem)).toContain(`登记诉求 ${trackingCode}`);
    expect(await textOf(ticketItem)).toContain('待受理');
    const placardItem = admin.locator('[data-testid="timeline-item"][data-kind="placard_printed"]');
    expect(await textOf(placardItem)).toMatch(/联络牌点位 \S+ 打印/);
    const counts = await textOf(admin.getByTestId('building-counts'));
    expect(counts.split(/\s+/)).toEqual([
      ...['诉求', '1', '办理中诉求', '1', '案件', '0', '办理中案件', '0', '走访', '0', '会议', '0'],
      ...['调解', '0', '联络牌点位', '1', '待回头看', '0', '回头看超期', '0', '复发次数', '0'],
    ]);
    const text = await pageText(admin);
    for (const secret of [phone, '138****8000', '王小明', '王*']) {
      expect(text).not.toContain(secret);
    }
    await screen(admin, 'building-file-02-file-desktop.png');
  });

  it('goes back from the timeline to the ticket', async () => {
    await admin.getByTestId('timeline-link-ticket_filed').click();
    await expect
      .poll(() => admin.url(), eventually)
      .toBe(`${server.baseUrl}/workbench/tickets/${ticketId}`);
    await admin.getByTestId('ticket-building-link').waitFor();
  });

  it('finds the building by name on the search page', async () => {
    await clickMenu(admin, 'field', 'buildings');
    await admin.getByTestId('building-search').locator('input').fill(server.placard.building);
    await admin.getByTestId('building-search').locator('input').press('Enter');
    const names = () =>
      admin
        .getByTestId('row-building-name')
        .evaluateAll((nodes) => nodes.map((n) => n.textContent.trim()));
    await expect.poll(names, eventually).toEqual([server.placard.building]);
    expect(admin.url()).toContain(`q=${encodeURIComponent(server.placard.building)}`);
    await screen(admin, 'building-file-03-search-desktop.png');
  });
});

describe('a re-inspection recorded from the building file', () => {
  it('lets the liaison record a recurrence: the building is flagged, a ticket filed', async () => {
    const username = server.placard.liaisons[0]?.username ?? '';
    const cookie = await loginAs(server.app, username);
    const receipt = json<{ trackingCode: string }>(
      await server.app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload: { placardToken: server.placard.token, kind: 'report', description: '楼顶搭建。' },
      }),
    );
    const inbox = json<{ items: { id: string; trackingCode: string }[] }>(
      await server.app.inject({ url: '/api/staff/tickets', headers: { cookie } }),
    );
    await closedCase(
      cookie,
      inbox.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '',
    );

    await signIn(liaison, username);
    await clickMenu(liaison, 'field', 'buildings');
    await liaison.getByTestId('buildings-view-reinspections').click();
    await liaison.getByTestId('reinspection-record').waitFor();
    await screen(liaison, 'building-file-04-reinspections-desktop.png');
    await liaison.getByTestId('reinspection-record').click();
    const modal = liaison.getByTestId('record-modal');
    await modal.getByTestId('record-result-recurred').waitFor();
    await animationsDone(liaison);
    await modal.getByTestId('record-result-recurred').click();
    await modal.getByTestId('record-note').fill('楼顶又搭起了彩钢板房。');
    await modal.getByTestId('record-ticket-description').fill('回头看发现楼顶再次搭建。');
    await screen(liaison, 'building-file-05-record-desktop.png');
    await liaison.getByTestId('record-save').click();
    await expect.poll(() => liaison.getByTestId('reinspection-record').count(), eventually).toBe(0);
    await liaison.getByTestId('reinspection-filter-done').click();
    await expect
      .poll(() => textOf(liaison.getByTestId('reinspections-table')), eventually)
      .toContain('发现复发');
    expect(await textOf(liaison.getByTestId('reinspections-table'))).toMatch(/LL-\w{5}-\w{5}/);
    await liaison.getByTestId('buildings-view-flagged').click();
    await expect
      .poll(() => textOf(liaison.getByTestId('buildings-table')), eventually)
      .toContain(server.placard.building);
    await liaison.getByTestId('row-building-name').first().click();
    await liaison.getByTestId('building-flag').waitFor();
    expect(await textOf(liaison.getByTestId('building-flag'))).toContain('回头看发现');
    await screen(liaison, 'building-file-06-flagged-desktop.png');
  });
});
