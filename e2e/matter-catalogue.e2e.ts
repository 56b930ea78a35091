// The matter catalogue in Chromium: the bureau admin changes a matter's education text with a
// reason and sees the change in its history; a resident on a phone searches the public catalogue
// in Chinese, opens the matter and reads the new text (docs/matter-catalogue.md).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.js';
import { devices, openDevice, type Device } from './support/browser.js';
import { screen, signIn } from './support/escalation.js';
import { animationsDone, eventually, scrollWidth, textOf } from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';

const newEducation =
  '电动自行车请到小区集中充电棚充电，严禁私拉电线，违者处50元以上200元以下罚款。';
const reason = '按街道2026年执法事项清单更新普法提示';

let server: E2eServer;
let adminDevice: Device;
let phoneDevice: Device;
let admin: Page;
let resident: Page;
const opened: { close(): Promise<void> }[] = [];

/** The steps done so far; a step whose predecessor failed is skipped at once. */
const reached = new Set<'edited'>();

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  [adminDevice, phoneDevice] = await Promise.all([openDevice('desktop'), openDevice('phone')]);
  opened.push(adminDevice, phoneDevice);
  admin = adminDevice.page;
  resident = phoneDevice.page;
});

afterEach(() => {
  expect(
    [...adminDevice.takeErrors(), ...phoneDevice.takeErrors()],
    'page errors and console errors',
  ).toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe('the bureau admin', () => {
  it('finds the matter in the catalogue through the online section of the menu', async () => {
    await signIn(admin, server.baseUrl, 'admin', server.demo.password);
    await admin.getByText('线上专区').click();
    await admin.getByTestId('menu-matters').click();
    await admin.getByTestId('matters-table').locator('tbody tr').first().waitFor();
    await admin.getByTestId('matters-search').locator('input').fill('飞线');
    await admin.getByTestId('matters-search').locator('input').press('Enter');
    const rows = admin.getByTestId('matters-table').locator('tbody tr');
    // While the search loads, the table shows one placeholder row (暂无数据): wait for the result.
    await expect
      .poll(() => textOf(rows.first()), eventually)
      .toContain('飞线充电（私拉电线、插座为电动自行车或电池充电）');
    expect(await rows.count()).toBe(1);
    await screen(admin, 'matters-01-catalogue-desktop.png');
  });

  it('changes the education text with a reason and sees the change in the history', async () => {
    await admin.getByTestId('matter-row-name').click();
    await admin.getByTestId('matter-history').waitFor();
    await admin.getByTestId('matter-edit').click();
    const form = admin.getByTestId('matter-form');
    await form.waitFor();
    await animationsDone(admin);
    await form.getByTestId('matter-field-education').fill(newEducation);
    await admin.getByTestId('matter-form-save').click();
    // Without a reason the form refuses, naming the field.
    await expect.poll(() => textOf(form), eventually).toContain('请填写修改原因');
    await form.getByTestId('matter-field-reason').fill(reason);
    await admin.getByTestId('matter-form-save').click();

    const latest = admin.getByTestId('matter-revision-2');
    await latest.waitFor();
    const text = await textOf(latest);
    expect(text).toContain('第 2 版');
    expect(text).toContain(`原因：${reason}`);
    expect(text).toContain('相关普法');
    expect(text).toContain('不得私拉电线和插座为电动自行车及其电池充电');
    expect(text).toContain(newEducation);
    expect(await textOf(admin.getByTestId('matter-fact-education'))).toBe(newEducation);
    expect(await admin.getByTestId('matter-revision-1').isVisible()).toBe(true);
    await screen(admin, 'matters-02-history-desktop.png');
    reached.add('edited');
  });
});

describe('a resident on a phone', () => {
  it('searches the public catalogue in Chinese', async ({ skip }) => {
    if (!reached.has('edited')) {
      skip('the admin did not edit the matter');
    }
    await resident.goto(`${server.baseUrl}/matters`);
    await resident.getByTestId('matters-list').locator('li').first().waitFor();
    expect(await textOf(resident.getByTestId('matters-count'))).toBe('共 17 项');
    await resident.getByLabel('搜索事项').fill('充电棚');
    await resident.getByTestId('matters-search').click();
    await expect
      .poll(() => textOf(resident.getByTestId('matters-count')), eventually)
      .toBe('“充电棚”找到 1 项');
    const items = resident.getByTestId('matters-list').locator('li');
    expect(await items.count()).toBe(1);
    expect(await textOf(items.first())).toContain('飞线充电');
    expect(await scrollWidth(resident)).toBeLessThanOrEqual(devices.phone.viewport.width);
    expect(await seriousAxeViolations(resident)).toEqual([]);
    await screen(resident, 'matters-03-search-mobile.png');
  });

  it('opens the edited matter and reads the new text, the basis and where to learn more', async ({
    skip,
  }) => {
    if (!reached.has('edited')) {
      skip('the admin did not edit the matter');
    }
    await resident.getByTestId('matters-list').getByRole('link').first().click();
    await resident.getByTestId('matter-name').waitFor();
    expect(await textOf(resident.getByTestId('matter-name'))).toBe(
      '飞线充电（私拉电线、插座为电动自行车或电池充电）',
    );
    expect(await textOf(resident.getByTestId('matter-education-text'))).toBe(newEducation);
    expect(await textOf(resident.getByTestId('matter-penalty-basis'))).toBe(
      '《上海市非机动车安全管理条例》第四十四条第一款',
    );
    expect(await textOf(resident.getByTestId('matter-handling'))).toContain('城管办理');
    expect(await resident.getByTestId('matter-learn').getAttribute('href')).toBe(
      '/learn?topic=flying_wire',
    );
    expect(await textOf(resident.getByTestId('matter-learn'))).toContain('飞线充电');
    expect(await resident.getByTestId('matter-ask').getAttribute('href')).toBe('/guide');
    expect(await scrollWidth(resident)).toBeLessThanOrEqual(devices.phone.viewport.width);
    expect(await seriousAxeViolations(resident)).toEqual([]);
    await screen(resident, 'matters-04-detail-mobile.png');
  });
});
