// The workbench's top menu at a 1366 px desktop: one row of five top entries for the bureau admin,
// every page still reachable through its group, and a liaison shown only the groups of their work
// (src/web/workbench/layout/menu-entries.ts).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, type Device } from './support/browser.js';
import { screen, signIn } from './support/escalation.js';
import { eventually } from './support/page-checks.js';
import { clickMenu } from './support/menu.js';
import { startE2eServer, type E2eServer } from './support/server.js';

let server: E2eServer;
let device: Device;
let page: Page;

beforeAll(async () => {
  server = await startE2eServer();
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

/** The top entries of the menu with their vertical position. */
function topEntries(p: Page) {
  return p
    .locator('.wb-menu > li.ant-menu-item, .wb-menu > li.ant-menu-submenu')
    .evaluateAll((items) =>
      items.map((li) => ({
        text: (li as HTMLElement).innerText.trim(),
        top: Math.round(li.getBoundingClientRect().top),
      })),
    );
}

/** The paths of the entries of a group, opened by pointing at it. */
async function groupPaths(p: Page, group: string): Promise<string[]> {
  await p.getByTestId(`menu-group-${group}`).hover();
  const popup = p.locator(`.wb-menu-popup-${group}`);
  await popup.locator('a').first().waitFor({ state: 'visible' });
  const paths = await popup
    .locator('a[data-testid^="menu-"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  await p.mouse.move(0, 600);
  await popup.waitFor({ state: 'hidden' });
  return paths;
}

describe('the workbench menu of the bureau admin at 1366 px', () => {
  it('fits one row of five top entries', async () => {
    expect(page.viewportSize()?.width).toBe(1366);
    await signIn(page, server.baseUrl, 'admin', server.demo.password);
    const entries = await topEntries(page);
    expect(entries.map((e) => e.text)).toEqual([
      '诉求列表',
      '现场工作',
      '线上专区',
      '考核分析',
      '系统管理',
    ]);
    expect(new Set(entries.map((e) => e.top)).size).toBe(1);
    await screen(page, 'menu-01-bureau-admin-desktop.png');
  });

  it('reaches every page through its group', async () => {
    expect(await groupPaths(page, 'field')).toEqual([
      '/workbench/visits',
      '/workbench/meetings',
      '/workbench/cases',
      '/workbench/mediations',
      '/workbench/placards',
      '/workbench/buildings',
    ]);
    expect(await groupPaths(page, 'analysis')).toEqual([
      '/workbench/dashboard',
      '/workbench/surveys',
      '/workbench/assessment',
    ]);
    expect(await groupPaths(page, 'settings')).toEqual([
      '/workbench/calendar',
      '/workbench/policies',
      '/workbench/notifications',
      '/workbench/audit',
      '/workbench/open311',
    ]);
    await clickMenu(page, 'settings', 'open311');
    await page.getByText('签发新密钥').first().waitFor();
    await clickMenu(page, 'settings', 'audit');
    await expect.poll(() => page.url(), eventually).toMatch(/\/workbench\/audit$/);
    // The group of the page shown is marked, so the officer sees where they are.
    await expect
      .poll(() =>
        page.getByTestId('menu-group-settings').evaluate((el) => el.closest('li')?.className ?? ''),
      )
      .toContain('ant-menu-submenu-selected');
  });
});

describe('the workbench menu of a liaison', () => {
  it('shows the inbox, field work and the online section only', async () => {
    await page.context().clearCookies();
    const liaison = server.demo.accounts.find((a) => a.role === 'liaison')?.username ?? '';
    await signIn(page, server.baseUrl, liaison, server.demo.password);
    const entries = await topEntries(page);
    expect(entries.map((e) => e.text)).toEqual(['诉求列表', '现场工作', '线上专区']);
    expect(await groupPaths(page, 'field')).toEqual([
      '/workbench/visits',
      '/workbench/meetings',
      '/workbench/cases',
      '/workbench/mediations',
      '/workbench/placards',
      '/workbench/buildings',
    ]);
  });
});
