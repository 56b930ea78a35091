// The bureau admin sets a deadline policy on the workbench, in Chromium against the real app and
// the built web: a refused limit shows its reason at the field, a good one is in force at once
// and in the history (docs/deadlines.md, docs/ticket-handling.md).
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, type Device } from './support/browser.js';
import { pickOption, screen, signIn } from './support/escalation.js';
import { eventually, textOf } from './support/page-checks.js';
import { menuEntry } from './support/menu.js';
import { startE2eServer, type E2eServer } from './support/server.js';

let server: E2eServer;
let device: Device;
let admin: Page;

/** The cells of every row of a table, as a person reads them. */
function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr.ant-table-row')
    .evaluateAll((rows) =>
      rows.map((r) =>
        [...r.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim()),
      ),
    );
}

/** Today in Shanghai as the workbench writes dates, 2025/10/14. */
function shanghaiToday(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return parts.replaceAll('-', '/');
}

beforeAll(async () => {
  server = await startE2eServer();
  device = await openDevice('desktop');
  admin = device.page;
});

afterEach(() => {
  expect(device.takeErrors(), 'page errors and console errors').toEqual([]);
});

afterAll(async () => {
  await device.close();
  await server.close();
});

describe('the bureau admin sets a deadline policy', () => {
  it('opens 时限规则 and sees the defaults in force and no history', async () => {
    await signIn(admin, server.baseUrl, 'admin', server.demo.password);
    const menu = await menuEntry(admin, 'settings', 'policies');
    expect(await textOf(menu)).toBe('时限规则');
    await menu.click();
    const current = admin.getByTestId('policies-current');
    await expect.poll(() => rowsOf(current), eventually).toHaveLength(5);
    expect((await rowsOf(current)).find((r) => r[0] === '投诉')).toEqual([
      '投诉',
      '全部事项',
      '1',
      '5',
      '—',
      '默认',
    ]);
    expect(await textOf(admin.getByTestId('policies-history'))).toContain('区局尚未设置过时限规则');
    await screen(admin, 'policies-01-defaults-desktop.png');
  });

  it('shows the server’s refusal at the first-contact field and sets nothing', async () => {
    await pickOption(admin, admin.getByTestId('policy-kind'), 'policy-kind-complaint');
    await admin.getByTestId('policy-first-contact').fill('5');
    await admin.getByTestId('policy-resolve').fill('4');
    await admin.getByTestId('policy-save').click();
    const field = admin.locator('.ant-form-item', {
      has: admin.getByTestId('policy-first-contact'),
    });
    await expect
      .poll(() => textOf(field.locator('.ant-form-item-explain')), eventually)
      .toBe('首次联系时限不能长于办结时限');
    expect(await admin.getByTestId('error-alert').count()).toBe(0);
    // Chromium logs the refused request; it is the one error of this step, and the expected one.
    const logged = device.takeErrors();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /status of 400 \(Bad Request\) \(.*\/api\/staff\/deadline-policies\)$/,
    );
    expect(await textOf(admin.getByTestId('policies-history'))).toContain('区局尚未设置过时限规则');
    await screen(admin, 'policies-02-refused-desktop.png');
  });

  it('sets complaint 1/3 days, in force at once and in the history', async () => {
    await admin.getByTestId('policy-first-contact').fill('1');
    await admin.getByTestId('policy-resolve').fill('3');
    await admin.getByTestId('policy-save').click();
    const current = admin.getByTestId('policies-current');
    await expect
      .poll(async () => (await rowsOf(current)).find((r) => r[0] === '投诉')?.[5], eventually)
      .toBe('区局设置');
    const row = (await rowsOf(current)).find((r) => r[0] === '投诉') ?? [];
    expect(row.slice(0, 4)).toEqual(['投诉', '全部事项', '1', '3']);
    expect(row[4]).toMatch(new RegExp(`^${shanghaiToday()} \\d{2}:\\d{2}$`));
    expect(row[5]).toBe('区局设置');
    expect(await rowsOf(current)).toHaveLength(5);
    expect((await rowsOf(current)).find((r) => r[0] === '求助')?.slice(2, 4)).toEqual(['1', '5']);
    const history = await rowsOf(admin.getByTestId('policies-history'));
    expect(history).toEqual([row]);
    await screen(admin, 'policies-03-set-desktop.png');
  });
});
