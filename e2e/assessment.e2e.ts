// The bureau admin opens the street assessment on the workbench, in Chromium against the real app
// and the built web over the assessment demo: the ranking shows the same totals as the API, a
// score opens the records behind it in words (not codes), and exemplary work is corrected
// (docs/assessment.md). The address carries the period and the chosen street (the dashboard's
// ranking bars link there), a new scheme version shows in the ranking at once, and a street admin
// opens the records of their own street only.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Exemplary, Scores } from '../src/contract/assessment.js';
import { seedAssessmentDemo } from '../src/server/assessment/demo.js';
import { openDevice, type Device } from './support/browser.js';
import { screen, signIn } from './support/escalation.js';
import { animationsDone, eventually, pageText, textOf } from './support/page-checks.js';
import { clickMenu } from './support/menu.js';
import { startE2eServer, type E2eServer } from './support/server.js';

let server: E2eServer;
let device: Device;
let admin: Page;

/** The scores of a period, as the signed-in officer's page reads them from the API. */
function scoresOf(page: Page, period: string): Promise<Scores> {
  return page.evaluate(async (p) => {
    const res = await fetch(`/api/staff/assessment/scores?period=${p}`);
    return (await res.json()) as Scores;
  }, period);
}

/** Picks the period after the chosen one in the page's period select, by keyboard. */
async function pickNextPeriod(page: Page): Promise<string> {
  const select = page.getByTestId('assessment-period');
  const was = await textOf(select);
  await select.click();
  await page.locator('.ant-select-dropdown').waitFor();
  await animationsDone(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => textOf(select), eventually).not.toBe(was);
  return textOf(select);
}

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
    await admin.locator('.ant-drawer-mask').waitFor({ state: 'hidden' });
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

  it('opens the period and street the address names and keeps the address in step', async () => {
    const month = await textOf(admin.getByTestId('assessment-period'));
    const quarter = `${month.slice(0, 4)}-Q${String(Math.ceil(Number(month.slice(5, 7)) / 3))}`;
    const api = await scoresOf(admin, quarter);
    const street = api.streets.at(-1);
    expect(street, 'a street in the ranking').toBeDefined();
    const id = street?.streetId ?? '';
    await admin.goto(`${server.baseUrl}/workbench/assessment?period=${quarter}&streetId=${id}`);
    await expect
      .poll(() => textOf(admin.getByTestId('assessment-period')), eventually)
      .toBe(quarter);
    const chosen = admin.locator('tr.wb-assessment-selected');
    await expect.poll(() => chosen.count(), eventually).toBe(1);
    expect(await chosen.getAttribute('data-row-key')).toBe(id);
    expect(await textOf(chosen)).toContain(street?.streetName);
    await expect.poll(() => chosen.isVisible(), eventually).toBe(true);
    const totals = await rowsOf(admin.getByTestId('assessment-ranking'));
    expect(totals.map((r) => r.at(-1))).toEqual(
      api.streets.map((s) => (s.total === null ? '无数据' : s.total.toFixed(2))),
    );
    await screen(admin, 'assessment-04-street-from-address-desktop.png');

    const picked = await pickNextPeriod(admin);
    expect(picked).toMatch(/^\d{4}(-Q\d)?$/);
    const asked = () => new URL(admin.url()).searchParams.get('period');
    await expect.poll(asked, eventually).toBe(picked);
    expect(new URL(admin.url()).searchParams.get('streetId')).toBe(id);

    // A period the page does not offer falls back to the current month.
    await admin.goto(`${server.baseUrl}/workbench/assessment?period=1999-Q9`);
    await expect.poll(() => textOf(admin.getByTestId('assessment-period')), eventually).toBe(month);
  });

  it('shows a newly saved scheme version in the ranking without a reload', async () => {
    await admin.goto(`${server.baseUrl}/workbench/assessment`);
    const month = await textOf(admin.getByTestId('assessment-period'));
    const before = await scoresOf(admin, month);
    await expect
      .poll(() => pageText(admin), eventually)
      .toContain(`采用考核方案第 ${String(before.schemeVersion)} 版`);
    await admin.getByRole('tab', { name: '权重与目标' }).click();
    const scheme = admin.getByTestId('assessment-scheme');
    // A lower target for the first indicator that has one (weights must keep summing to 100).
    const target = scheme.locator('input[aria-label$=" 目标"]').first();
    const was = Number(await target.inputValue());
    await target.fill(String(Math.max(1, Math.round(was / 2))));
    await scheme.locator('#effectiveFrom').fill(month);
    await scheme.locator('#reason').fill('加重矛盾化解权重');
    await admin.getByTestId('assessment-scheme-save').click();
    const next = before.schemeVersion + 1;
    await expect.poll(() => textOf(scheme), eventually).toContain(`本月适用第 ${String(next)} 版`);
    await admin.getByRole('tab', { name: '排名' }).click();
    await expect
      .poll(() => pageText(admin), eventually)
      .toContain(`采用考核方案第 ${String(next)} 版`);
    const after = await scoresOf(admin, month);
    expect(after.schemeVersion).toBe(next);
    const ranking = admin.getByTestId('assessment-ranking');
    await expect
      .poll(async () => (await rowsOf(ranking)).map((r) => r.at(-1)), eventually)
      .toEqual(after.streets.map((s) => (s.total === null ? '无数据' : s.total.toFixed(2))));
  });
});

describe('a street admin reads the street assessment', () => {
  it("opens the records of their own street only; other streets' scores are text", async () => {
    const officer = await openDevice('desktop');
    try {
      const page = officer.page;
      await signIn(page, server.baseUrl, 'yinhang.admin', server.demo.password);
      const me = await page.evaluate(async () => {
        const res = await fetch('/api/auth/me');
        return (await res.json()) as { street: { id: string; name: string } | null };
      });
      expect(me.street, 'the street admin has a street').not.toBeNull();
      await page.goto(`${server.baseUrl}/workbench/assessment`);
      const ranking = page.getByTestId('assessment-ranking');
      const rows = ranking.locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count(), eventually).toBeGreaterThan(1);
      const cells = await rows.evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-row-key'),
          tr.querySelectorAll('[data-testid^="assessment-cell-"]').length,
        ]),
      );
      const own = cells.filter(([key]) => key === me.street?.id);
      const others = cells.filter(([key]) => key !== me.street?.id);
      expect(own).toHaveLength(1);
      expect(own[0]?.[1]).toBeGreaterThan(0);
      expect(others.map(([, n]) => n)).toEqual(others.map(() => 0));
      // The other streets' scores are still shown, as text.
      const other = await textOf(rows.nth(cells.findIndex(([key]) => key !== me.street?.id)));
      expect(other).toMatch(/\d+\.\d{2}|无数据/);

      await ranking
        .locator(`tr[data-row-key="${me.street?.id ?? ''}"]`)
        .getByTestId('assessment-cell-complaints')
        .click();
      const drawer = page.getByTestId('assessment-drilldown');
      await drawer.waitFor();
      await expect.poll(() => textOf(drawer), eventually).toContain('按时先行联系率');
      expect(await textOf(drawer)).not.toContain('您没有权限进行这项操作');
      await screen(page, 'assessment-05-street-admin-desktop.png');
      expect(officer.takeErrors(), 'page errors and console errors').toEqual([]);
    } finally {
      await officer.close();
    }
  });
});
