// The bureau admin opens the street assessment on the workbench, in Chromium against the real app
// and the built web: the ranking shows the same totals as the API, and a score opens the records
// behind it (docs/assessment.md).
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Scores } from '../src/contract/assessment.js';
import { openDevice, type Device } from './support/browser.js';
import { screen, signIn } from './support/escalation.js';
import { eventually, textOf } from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';

let server: E2eServer;
let device: Device;
let admin: Page;

function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr.ant-table-row')
    .evaluateAll((rows) =>
      rows.map((r) =>
        [...r.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim()),
      ),
    );
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

describe('the bureau admin reads the street assessment', () => {
  it('shows the ranking of every street with the totals of the API', async () => {
    await signIn(admin, server.baseUrl, 'admin', server.demo.password);
    // The horizontal menu folds items that do not fit into its overflow; go by the address.
    expect(await admin.getByTestId('menu-assessment').getAttribute('href')).toBe(
      '/workbench/assessment',
    );
    await admin.goto(`${server.baseUrl}/workbench/assessment`);
    const period = await textOf(admin.getByTestId('assessment-period'));
    const api = await admin.evaluate(async (p) => {
      const res = await fetch(`/api/staff/assessment/scores?period=${p}`);
      return (await res.json()) as Scores;
    }, period);
    const ranking = admin.getByTestId('assessment-ranking');
    await expect.poll(() => rowsOf(ranking), eventually).toHaveLength(api.streets.length);
    const rows = await rowsOf(ranking);
    expect(rows.map((r) => [r[1], r.at(-1)])).toEqual(
      api.streets.map((s) => [s.streetName, s.total === null ? '无数据' : s.total.toFixed(2)]),
    );
    await screen(admin, 'assessment-01-ranking-desktop.png');
  });

  it('opens the records behind a complaint-handling score', async () => {
    await admin.getByTestId('assessment-cell-complaints').first().click();
    const drawer = admin.getByTestId('assessment-drilldown');
    await drawer.waitFor();
    await expect.poll(() => textOf(drawer), eventually).toContain('按时先行联系率');
    await admin.getByTestId('assessment-records').waitFor();
    await screen(admin, 'assessment-02-drilldown-desktop.png');
  });
});
