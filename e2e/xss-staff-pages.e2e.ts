// RELIABILITY §3(c)7, stored XSS in staff views: every line of test/cases/xss.jsonl is planted in
// the free text residents and officers write (e2e/support/xss-seed.ts), then every page of the
// bureau admin's workbench menu, the detail page of each planted object, the partner department's
// referral pages and the resident pages that show them are opened in Chromium. No payload runs
// (window.__xss stays unset, no dialog opens, no CSP violation is logged) and no element the
// payloads carry reaches the DOM: no event-handler attribute, no javascript: link, no srcdoc frame,
// no script of theirs.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { menuGroups } from '../src/web/workbench/layout/menu-entries.js';
import { openDevice, type Device } from './support/browser.js';
import { signIn } from './support/escalation.js';
import { eventually, pageText, xssRan } from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';
import { plantXss, type PlantedXss } from './support/xss-seed.js';
import { corpus } from '../test/fuzz/schema-arbitrary.js';

const lines = corpus('xss.jsonl');
// The online section's entries live in a .tsx module (online-menu.tsx); they are these.
const onlineKeys = ['matters', 'qa', 'education', 'suggestions', 'credit'];

let server: E2eServer;
let officerDevice: Device;
let departmentDevice: Device;
let phoneDevice: Device;
let officer: Page;
let department: Page;
let resident: Page;
let planted: PlantedXss;
const dialogs: string[] = [];

// Payloads that call alert() or its kin are caught even where they would not set __xss.
const trap = () => {
  const flag = () => {
    (window as unknown as { __xss?: string }).__xss = 'dialog';
  };
  window.alert = flag;
  window.confirm = () => (flag(), false);
  window.prompt = () => (flag(), null);
};

beforeAll(async () => {
  server = await startE2eServer();
  planted = await plantXss(server, lines);
  [officerDevice, departmentDevice, phoneDevice] = await Promise.all([
    openDevice('desktop'),
    openDevice('desktop'),
    openDevice('phone'),
  ]);
  officer = officerDevice.page;
  department = departmentDevice.page;
  resident = phoneDevice.page;
  for (const device of [officerDevice, departmentDevice, phoneDevice]) {
    await device.context.addInitScript(trap);
    device.context.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }
  await signIn(officer, server.baseUrl, 'admin', server.demo.password);
  await signIn(department, server.baseUrl, 'fangguan.dept', server.demo.password);
});

afterEach(() => {
  const errors = [
    ...officerDevice.takeErrors(),
    ...departmentDevice.takeErrors(),
    ...phoneDevice.takeErrors(),
  ];
  expect(errors, 'page errors, console errors and CSP violations').toEqual([]);
  expect(dialogs, 'dialogs opened by a payload').toEqual([]);
});

afterAll(async () => {
  await officerDevice.close();
  await departmentDevice.close();
  await phoneDevice.close();
  await server.close();
});

/** Elements and attributes only a payload could have put in the page. */
function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const linkAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      for (const a of Array.from(el.attributes)) {
        const isHandler = a.name.startsWith('on');
        const isScriptLink = linkAttributes.includes(a.name) && /^\s*javascript:/i.test(a.value);
        if (isHandler || isScriptLink || a.name === 'srcdoc') {
          found.push(`<${tag} ${a.name}="${a.value.slice(0, 60)}">`);
        }
      }
      if (tag === 'mglyph' || (tag === 'script' && el.textContent.includes('__xss'))) {
        found.push(`<${tag}>`);
      }
    }
    return found;
  });
}

/**
 * Opens a page, waits until it shows `shown` (the planted text, once its data has loaded), and
 * checks nothing from the corpus ran or was injected; the page's text.
 */
async function visit(page: Page, url: string, shown?: string): Promise<string> {
  await page.goto(`${server.baseUrl}${url}`, { waitUntil: 'networkidle' });
  await page.locator('#root *').first().waitFor();
  if (shown !== undefined) {
    await expect.poll(() => pageText(page), { ...eventually, message: url }).toContain(shown);
  }
  expect(await xssRan(page), `a payload ran on ${url}`).toBe(false);
  expect(await injectedElements(page), `injected elements on ${url}`).toEqual([]);
  return pageText(page);
}

describe('the corpus is planted', () => {
  it('in every free-text field the seed writes', () => {
    expect(lines.length).toBeGreaterThanOrEqual(10);
    const everyLine = ['description', 'visit notes', 'case facts and place', 'suggestion texts'];
    for (const field of everyLine) {
      expect(planted.planted[field], field).toBe(lines.length);
    }
    // The tickets split three ways: declined, contacted, or contacted and answered.
    const someLines = ['contact note', 'reply', 'decline reason', 'referral request'];
    for (const field of [...someLines, 'meeting topic and outcomes', 'mediation facts']) {
      expect(planted.planted[field], field).toBeGreaterThanOrEqual(3);
    }
    expect(planted.suggestions.length).toBe(lines.length);
    expect(planted.referrals.length).toBe(planted.planted['referral request']);
  });
});

describe('the checks themselves', () => {
  it('see a handler attribute and a javascript: link that markup put in the page', async () => {
    await visit(officer, '/workbench');
    await officer.evaluate(() => {
      const planted = document.createElement('div');
      planted.id = 'planted';
      // Neither ever runs here (a b element is never printed, a link never clicked), so the
      // page's CSP has nothing to report.
      planted.innerHTML = '<b onafterprint="window.__xss=1">x</b><a href="javascript:void 0">y</a>';
      document.body.append(planted);
    });
    expect(await injectedElements(officer)).toEqual([
      '<b onafterprint="window.__xss=1">',
      '<a href="javascript:void 0">',
    ]);
    await officer.evaluate(() => document.getElementById('planted')?.remove());
    expect(await injectedElements(officer)).toEqual([]);
  });
});

describe('Stored XSS in staff views (fault class 18): the bureau admin workbench', () => {
  it('runs nothing on the inbox and on any page of the menu', async () => {
    const keys = [
      ...menuGroups.flatMap((g) => g.entries.filter((e) => e.roles.includes('bureau_admin'))),
    ].map((e) => e.key);
    for (const key of ['', ...keys, ...onlineKeys]) {
      await visit(officer, `/workbench/${key}`);
    }
    // The tickets behind a bar of the dashboard, as its charts link to them.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const url = `/workbench/dashboard/records?from=${today}&to=${today}`;
    const records = await visit(officer, url, 'LL-');
    // It lists tracking codes, not texts: every planted ticket of today is among them.
    const listed = records.match(/LL-[0-9A-Z]{5}-[0-9A-Z]{5}/g) ?? [];
    expect(listed.length).toBeGreaterThanOrEqual(planted.tickets.length);
    expect(keys.length).toBeGreaterThan(12);
  });

  it('shows each ticket description as text on its page', async () => {
    for (const ticket of planted.tickets) {
      await visit(officer, `/workbench/tickets/${ticket.id}`, ticket.description);
    }
  });

  it('shows the payloads as text on every visit, case, mediation and suggestion', async () => {
    const pages = [
      ...planted.visits.map((id) => `/workbench/visits/${id}`),
      ...planted.meetings.map((id) => `/workbench/meetings/${id}`),
      ...planted.cases.map((id) => `/workbench/cases/${id}`),
      ...planted.mediations.map((id) => `/workbench/mediations/${id}`),
      ...planted.suggestions.map((id) => `/workbench/suggestions/${id}`),
    ];
    for (const url of pages) {
      await visit(officer, url, '__xss');
    }
    expect(pages.length).toBeGreaterThan(lines.length * 4);
  });
});

describe('the partner department workbench', () => {
  it('shows each referral request as text and runs nothing', async () => {
    await visit(department, '/workbench/referrals');
    for (const id of planted.referrals) {
      await visit(department, `/workbench/referrals/${id}`, '__xss');
    }
  });
});

describe('the resident pages', () => {
  it('run nothing where a resident follows a ticket or a suggestion', async () => {
    for (const ticket of planted.tickets) {
      await visit(resident, `/t/${ticket.accessToken}`, ticket.description);
    }
    for (const token of planted.suggestionTokens) {
      await visit(resident, `/suggest/r/${token}`, '__xss');
    }
    await visit(resident, `/b/${server.placard.token}`);
  });
});
