// Accessibility of every public page on a phone, as axe-core judges it (no serious or critical
// violation of WCAG 2.1 A/AA), in the normal look and in the elder mode (长辈模式); the elder mode
// is switched on like a person does and must survive a reload; the service guide's search leads
// to a building page with the kind of request chosen.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.js';
import {
  devices,
  keepScreenshot,
  openDevice,
  screenshotDir,
  type Device,
} from './support/browser.js';
import { eventually, pageText, textOf, untranslatedKeys } from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';

/**
 * The public pages checked, in order. `{placard}` is the demo's sample building token and
 * `{follow}` the follow token of a ticket submitted before the checks. `ready` names a test id
 * that shows once the page has loaded what it fetches. Every page but the last must be a page of
 * its own, not the not-found page; the last is the not-found page of an unknown address.
 */
const publicPages: { name: string; path: string; ready?: string; notFound?: boolean }[] = [
  { name: 'landing', path: '/' },
  { name: 'online', path: '/online', ready: 'online-guide' },
  { name: 'guide', path: '/guide', ready: 'guide-limit' },
  { name: 'guide-search', path: '/guide?q=殷行一村', ready: 'guide-results' },
  { name: 'placard', path: '/b/{placard}', ready: 'submit-form' },
  { name: 'placard-consultation', path: '/b/{placard}?kind=consultation', ready: 'submit-form' },
  { name: 'follow', path: '/t/{follow}', ready: 'follow-description' },
  { name: 'matters', path: '/matters' },
  { name: 'matter', path: '/matters/WFDJ' },
  { name: 'qa', path: '/qa' },
  { name: 'learn', path: '/learn' },
  { name: 'learn-events', path: '/learn/events' },
  { name: 'suggest', path: '/suggest' },
  { name: 'credit', path: '/credit' },
  { name: 'mine', path: '/mine' },
  { name: 'not-found', path: '/no-such-page', notFound: true },
];

const notFoundTitle = '页面不存在';

let server: E2eServer;
let phone: Device;
let resident: Page;
let followToken = '';

function addressOf(pagePath: string): string {
  const filled = pagePath
    .replace('{placard}', server.placard.token)
    .replace('{follow}', followToken);
  return `${server.baseUrl}${filled}`;
}

/** Submits a consultation the way the building page does, and keeps its follow token. */
async function submitTicket(): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/public/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'a11y-check-ticket-1' },
    body: JSON.stringify({
      placardToken: server.placard.token,
      kind: 'consultation',
      description: '请问楼道里能不能停放电动自行车？',
    }),
  });
  expect(response.status).toBe(201);
  const receipt = (await response.json()) as { followPath: string };
  return receipt.followPath.replace(/^\/t\//, '');
}

/** Opens a page and waits until it shows its heading and, if named, its loaded content. */
async function open(entry: (typeof publicPages)[number]): Promise<void> {
  await resident.goto(addressOf(entry.path));
  await resident.locator('main h1').first().waitFor();
  if (entry.ready) {
    await resident.getByTestId(entry.ready).first().waitFor();
  }
}

async function rootFontSize(): Promise<number> {
  return resident.evaluate(() =>
    Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
}

/** The check of one page: no serious axe finding, no untranslated key, and a screenshot. */
async function checkPage(entry: (typeof publicPages)[number], mode: string): Promise<void> {
  await open(entry);
  const heading = await textOf(resident.locator('main h1').first());
  if (entry.notFound) {
    expect(heading).toBe(notFoundTitle);
  } else {
    expect(heading, `${entry.path} shows the not-found page`).not.toBe(notFoundTitle);
  }
  const findings = await seriousAxeViolations(resident);
  expect(findings, `${entry.path} (${mode}): ${JSON.stringify(findings, null, 2)}`).toEqual([]);
  expect(await untranslatedKeys(resident), `untranslated keys on ${entry.path}`).toEqual([]);
  await keepScreenshot(resident, `a11y-${entry.name}-${mode}-mobile.png`);
}

beforeAll(async () => {
  server = await startE2eServer();
  phone = await openDevice('phone');
  resident = phone.page;
  followToken = await submitTicket();
});

afterEach(() => {
  expect(phone.takeErrors(), 'page errors and console errors').toEqual([]);
});

afterAll(async () => {
  await phone.close();
  await server.close();
});

describe('the accessibility check itself', () => {
  it('reports grey text on white that a person can hardly read', async () => {
    await open(publicPages[0] ?? { name: 'landing', path: '/' });
    await resident.evaluate(() => {
      const faint = document.createElement('p');
      faint.textContent = 'faint';
      faint.setAttribute('style', 'color:#d0d0d0;background:#fff');
      document.querySelector('main')?.append(faint);
    });
    const findings = await seriousAxeViolations(resident);
    expect(findings.map((f) => f.id)).toEqual(['color-contrast']);
    await resident.reload();
  });
});

describe('every public page in the normal look', () => {
  for (const entry of publicPages) {
    it(`${entry.path} has no serious accessibility violation`, async () => {
      await checkPage(entry, 'normal');
    });
  }
});

describe('the elder mode', () => {
  it('is switched on in the header, enlarges the text and survives a reload', async () => {
    await open(publicPages[0] ?? { name: 'landing', path: '/' });
    const normalSize = await rootFontSize();
    const toggle = resident.getByTestId('elder-switch');
    expect(await textOf(toggle)).toBe('长辈模式');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await resident.locator('html').getAttribute('data-elder')).toBe('on');
    expect(await rootFontSize()).toBeGreaterThan(normalSize);
    expect(await rootFontSize()).toBeGreaterThanOrEqual(18);
    // The staff entry is secondary and left out in the elder mode.
    expect(await resident.getByTestId('workbench-link').isVisible()).toBe(false);

    await resident.reload();
    await resident.locator('main h1').first().waitFor();
    expect(await resident.locator('html').getAttribute('data-elder')).toBe('on');
    expect(await resident.getByTestId('elder-switch').getAttribute('aria-pressed')).toBe('true');
    expect(await rootFontSize()).toBeGreaterThan(normalSize);
  });
});

describe('every public page in the elder mode', () => {
  for (const entry of publicPages) {
    it(`${entry.path} has no serious accessibility violation`, async () => {
      await checkPage(entry, 'elder');
    });
  }

  it('is switched off again with the same button', async () => {
    await open(publicPages[0] ?? { name: 'landing', path: '/' });
    await resident.getByTestId('elder-switch').click();
    expect(await resident.locator('html').getAttribute('data-elder')).toBeNull();
    await resident.reload();
    await resident.locator('main h1').first().waitFor();
    expect(await resident.locator('html').getAttribute('data-elder')).toBeNull();
  });
});

describe('the service guide', () => {
  it('finds the sample building by its community, opened with consultation chosen', async () => {
    await resident.goto(`${server.baseUrl}/online`);
    await resident.getByTestId('online-guide').click();
    await resident.getByTestId('guide-q').fill('殷行一村');
    await resident.getByTestId('guide-find').click();
    await resident.getByTestId('guide-results').waitFor();
    expect(await textOf(resident.getByTestId('guide-results-count'))).toMatch(
      /^与“殷行一村”有关的楼栋：\d+ 处$/,
    );
    const place = resident.getByTestId('guide-place').filter({ hasText: server.placard.building });
    const text = await textOf(place);
    for (const liaison of server.placard.liaisons) {
      expect(text).toContain(liaison.name);
      expect(text).toContain(liaison.workPhone);
    }
    expect(text).toContain(server.placard.roomHours);
    await keepScreenshot(resident, 'guide-01-search-mobile.png');

    await place.getByTestId('guide-place-consultation').click();
    await resident.getByTestId('submit-form').waitFor();
    expect(resident.url()).toBe(addressOf('/b/{placard}?kind=consultation'));
    expect(await textOf(resident.getByTestId('placard-building').locator('h1'))).toBe(
      server.placard.building,
    );
    const consultation = resident.getByTestId('kind-consultation');
    await expect.poll(() => consultation.getAttribute('aria-checked'), eventually).toBe('true');
    expect(await resident.getByTestId('kind-complaint').getAttribute('aria-checked')).toBe('false');
  });

  it('tells the time limits of the policy in force and draws the service path', async () => {
    await resident.goto(`${server.baseUrl}/guide`);
    const consultation = resident.getByTestId('guide-kind-consultation');
    await consultation.getByTestId('guide-limit').waitFor();
    expect(await textOf(consultation.getByTestId('guide-limit'))).toBe(
      '时限：1 个工作日内先行联系，1 个工作日内办结',
    );
    expect(
      await textOf(resident.getByTestId('guide-kind-complaint').getByTestId('guide-limit')),
    ).toBe('时限：1 个工作日内先行联系，5 个工作日内办结');
    const diagram = resident.getByTestId('service-path');
    expect(await diagram.locator('svg[role="img"] title').textContent()).toBe('服务路径图');
    expect(await diagram.getByTestId('service-path-submitted').textContent()).toBe('待受理');
    expect(await diagram.getByTestId('service-path-link').count()).toBeGreaterThan(10);
    expect(await pageText(resident)).toContain('评价 → 已结束');
    await keepScreenshot(resident, 'guide-02-page-mobile.png');
    // The diagram scrolls sideways on a phone; its picture is taken on a screen it fits.
    await resident.setViewportSize({ width: 720, height: 900 });
    await diagram.scrollIntoViewIfNeeded();
    await diagram
      .locator('svg')
      .screenshot({ path: path.join(screenshotDir, 'guide-03-service-path.png') });
    await resident.setViewportSize(devices.phone.viewport);
  });
});
