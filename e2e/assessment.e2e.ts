// The bureau admin opens the street assessment on the workbench, in Chromium against the real app
// and the built web over the assessment demo: the ranking shows the same totals as the API, a
// score opens the records behind it in words (not codes), and exemplary work is corrected
// (docs/assessment.md).
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Exemplary, Scores } from '../src/contract/assessment.js';
import { seedAssessmentDemo } from '../src/server/assessment/demo.js';
import { openDevice, type Device } from './support/browser.js';
import { screen, signIn } from './support/escalation.js';
import { eventually, textOf } from './support/page-checks.js';
import { clickMenu } from './support/menu.js';
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
  await seedAssessmentDemo(server.ctx);
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
    await clickMenu(admin, 'analysis', 'assessment');
    await expect.poll(() => admin.url(), eventually).toMatch(/\/workbench\/assessment$/);
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
    const records = admin.getByTestId('assessment-records');
    await expect.poll(() => rowsOf(records), eventually).not.toHaveLength(0);
    const text = await textOf(records);
    // Status, tier, channel, rating and the handler's outcome read as words, never as codes.
    expect(text).toMatch(/已关闭|已办结|已联系|已受理/);
    expect(text).toContain('渠道: 居民扫联络牌提交');
    expect(text).toMatch(/居民评价: (满意|基本满意|不满意|—)/);
    for (const code of ['placard', 'closed', 'community', 'satisfied', 'answered', 'contacted']) {
      expect(text, code).not.toMatch(new RegExp(`\\b${code}\\b`));
    }
    await screen(admin, 'assessment-02-drilldown-desktop.png');
    await admin.keyboard.press('Escape');
  });

  it('corrects the title of exemplary work and keeps its evidence', async () => {
    await admin.getByRole('tab', { name: '典型培养' }).click();
    const panel = admin.getByTestId('assessment-exemplary');
    await panel.getByTestId('exemplary-edit').first().click();
    await admin.getByTestId('exemplary-editing').waitFor();
    const title = admin.getByTestId('exemplary-title');
    await title.fill('“三驾马车”联动化解违法搭建纠纷（修订）');
    await admin.getByTestId('exemplary-submit').click();
    await expect
      .poll(() => textOf(panel.locator('tbody')), eventually)
      .toContain('“三驾马车”联动化解违法搭建纠纷（修订）');
    expect(await textOf(panel.locator('tbody'))).toContain('照片 1');
    const stored = await admin.evaluate(async () => {
      const res = await fetch('/api/staff/assessment/exemplary');
      return ((await res.json()) as { items: Exemplary[] }).items;
    });
    expect(stored.map((e) => [e.title, e.evidence.length])).toEqual([
      ['“三驾马车”联动化解违法搭建纠纷（修订）', 1],
    ]);
    await screen(admin, 'assessment-03-exemplary-edited-desktop.png');
  });
});
