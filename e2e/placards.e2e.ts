// Placards in Chromium: the liaison downloads the community's placard PDF from the workbench and
// its text and QR code are read back; marks the batch printed and records a damaged placard; the
// street admin replaces a QR code; a resident scanning the old code sees the notice.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount, pdfPagePng, pdfText, readQr } from '../test/pdf.js';
import { keepScreenshot, openDevice, type Device } from './support/browser.js';
import {
  animationsDone,
  downloadWait,
  eventually,
  textOf,
  untranslatedKeys,
} from './support/page-checks.js';
import { clickMenu } from './support/menu.js';
import { startE2eServer, type E2eServer } from './support/server.js';

let server: E2eServer;
let liaisonDevice: Device;
let adminDevice: Device;
let residentDevice: Device;
let liaison: Page;
let admin: Page;
let buildings: string[] = [];
const opened: { close(): Promise<void> }[] = [];

async function screen(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  await keepScreenshot(page, name, options);
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.baseUrl}/workbench/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.demo.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor();
}

/** The text of the register row of a building. */
function row(page: Page, building: string) {
  return page.getByTestId('placard-register').locator('tr', { hasText: building });
}

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  // The buildings of the sample placard's community, 殷行一村, in page order (by name).
  const rows = await server.handle.db
    .selectFrom('buildings')
    .innerJoin('buildings as sample', 'sample.community_id', 'buildings.community_id')
    .select('buildings.name')
    .where('sample.placard_token', '=', server.placard.token)
    .where('buildings.retired_at', 'is', null)
    .execute();
  buildings = rows
    .map((r) => r.name)
    .sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
  liaisonDevice = await openDevice('desktop');
  opened.push(liaisonDevice);
  adminDevice = await openDevice('desktop');
  opened.push(adminDevice);
  residentDevice = await openDevice('phone');
  opened.push(residentDevice);
  liaison = liaisonDevice.page;
  admin = adminDevice.page;
});

afterEach(() => {
  expect(
    [...liaisonDevice.takeErrors(), ...adminDevice.takeErrors(), ...residentDevice.takeErrors()],
    'page errors and console errors',
  ).toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe('the placards of a community', () => {
  it('shows the liaison the register of their community, nothing printed yet', async () => {
    await signIn(liaison, server.placard.liaisons[0]?.username ?? '');
    await clickMenu(liaison, 'field', 'placards');
    await row(liaison, buildings[0] ?? '-').waitFor();
    const summary = await textOf(liaison.getByTestId('placard-summary'));
    expect(summary).toBe(
      `殷行一村居委会：${buildings.length} 幢楼栋，0 个联络牌点位，${buildings.length} 个需要打印或重印。`,
    );
    expect(await textOf(row(liaison, buildings[0] ?? '-'))).toContain('未打印');
    await screen(liaison, 'placards-01-register-desktop.png');
  });

  it('downloads the community PDF whose text and QR code are the placard', async () => {
    const download = liaison.waitForEvent('download', downloadWait);
    await liaison.getByTestId('scope-pdf').click();
    const file = await (await download).path();
    const pdf = readFileSync(file);
    expect(pdfPageCount(pdf)).toBe(buildings.length);
    const first = (pdfText(pdf).split('\f')[0] ?? '').replace(/\s+/g, '');
    const [one, two] = server.placard.liaisons;
    for (const text of [
      '杨浦“城管进社区”工作联络牌',
      '示例数据·请勿张贴',
      server.placard.building,
      one?.name ?? '-',
      `胸牌号：${one?.badgeNo ?? '-'}`,
      `工作电话：${one?.workPhone ?? '-'}`,
      two?.name ?? '-',
      `接待时间：${server.placard.roomHours.replace(/\s+/g, '')}`,
      ...server.placard.matters.map((m) => m.name),
    ]) {
      expect(first, text).toContain(text);
    }
    expect(await readQr(pdfPagePng(pdf, 1))).toBe(`${server.baseUrl}/b/${server.placard.token}`);
  });

  it('marks the batch printed and records a damaged placard', async () => {
    await liaison.getByTestId('placard-register').locator('thead input[type="checkbox"]').check();
    await liaison.getByTestId('mark-printed').click();
    await expect
      .poll(() => textOf(liaison.getByTestId('placard-summary')), eventually)
      .toContain(`${buildings.length} 个联络牌点位，0 个需要打印或重印`);

    await row(liaison, buildings[0] ?? '-')
      .getByRole('button', { name: '记录检查' })
      .click();
    const modal = liaison.getByTestId('placard-check-modal');
    await modal.getByTestId('check-result-damaged').waitFor();
    await animationsDone(liaison);
    await modal.getByTestId('check-result-damaged').click();
    await modal.getByTestId('check-note').fill('右下角被撕去一块');
    await screen(liaison, 'placards-02-check-desktop.png', { fullPage: false });
    await modal.getByTestId('check-submit').click();
    await expect
      .poll(() => textOf(row(liaison, buildings[0] ?? '-')), eventually)
      .toContain('检查发现破损');
    await screen(liaison, 'placards-03-after-check-desktop.png');
  });

  it('lets the street admin replace a QR code; the old code then tells residents', async () => {
    const oldToken = server.placard.token;
    await signIn(admin, 'yinhang.admin');
    await admin.goto(`${server.baseUrl}/workbench/placards`);
    // The street admin sees the whole street, 殷行一村 among it.
    const target = row(admin, buildings[1] ?? '-');
    await target.waitFor();
    await target.getByRole('button', { name: '更换二维码' }).click();
    await animationsDone(admin);
    await admin.getByRole('button', { name: '确认更换' }).click();
    await expect.poll(() => textOf(target), eventually).toContain('二维码已更换，需重印');
    await screen(admin, 'placards-04-rotated-desktop.png');

    const rotated = await server.handle.db
      .selectFrom('placard_token_history')
      .select('token')
      .executeTakeFirstOrThrow();
    const resident = residentDevice.page;
    await resident.goto(`${server.baseUrl}/b/${rotated.token}`);
    const notice = resident.getByTestId('placard-token-replaced');
    await notice.waitFor();
    expect(await textOf(notice)).toContain('此二维码已更换，以下为最新联系方式。');
    expect(await textOf(resident.getByTestId('placard-building'))).toContain(buildings[1] ?? '-');
    await screen(resident, 'placards-05-old-code-mobile.png');
    expect(rotated.token).not.toBe(oldToken);
  });
});
