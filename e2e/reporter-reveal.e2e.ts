// The reporter's phone on the officer's screens, in Chromium: masked for everyone, shown in full
// to the assignee only after they give a reason (which the audit trail keeps), and every screen
// that shows a ticket carries a watermark naming the viewer and the time (docs/sources.md §5).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, loginAs } from '../test/app.js';
import { keepScreenshot, openDevice, screenshotDir, type Device } from './support/browser.js';
import {
  animationsDone,
  eventually,
  pageText,
  textOf,
  untranslatedKeys,
} from './support/page-checks.js';
import { startE2eServer, type E2eServer, type PlacardLiaison } from './support/server.js';

const phone = '13800138000';
/** The name the resident leaves; staff see 欧* until the audited reveal. */
const reporterName = '欧阳翠花';
const masked = '138****8000';
const description = '楼道里堆满了纸箱和旧家具，消防通道被堵住了。';
const reason = '需电话回访反映人，核实堆物的具体楼层';
const pdftotext = '/usr/bin/pdftotext';

let server: E2eServer;
let desktop: Device;
let officer: Page;
let assignee: PlacardLiaison;
let roommate: PlacardLiaison;
let ticketId = '';
let trackingCode = '';

/** Checks the screen shows no translation key instead of text, and keeps a screenshot of it. */
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

/** A minute in Shanghai as the interface writes it: 2025/10/14 23:59. */
function shanghaiMinute(at: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`;
}

/** What the watermark layer is and draws, as the browser computes it. */
async function watermarkOf(page: Page) {
  const layer = page.getByTestId('watermark');
  await layer.waitFor({ state: 'attached' });
  return layer.evaluate((el) => {
    const style = getComputedStyle(el);
    const tiles = [...el.querySelectorAll('span')];
    const first = tiles[0];
    const drawn = first ? getComputedStyle(first, '::before') : null;
    const box = el.getBoundingClientRect();
    return {
      text: el.getAttribute('data-text') ?? '',
      position: style.position,
      pointerEvents: style.pointerEvents,
      zIndex: Number(style.zIndex),
      covers: box.width >= window.innerWidth && box.height >= window.innerHeight,
      tiles: tiles.length,
      // The text each tile shows, as CSS draws it: `"张伟 YP-0101 2025/09/30 15:20"`.
      drawn: drawn?.content ?? '',
      color: first ? getComputedStyle(first).color : '',
      transform: getComputedStyle(el.firstElementChild as Element).transform,
    };
  });
}

/** The alpha of an `rgba(…)` colour; 1 for an opaque `rgb(…)`. */
function alphaOf(color: string): number {
  const parts = /rgba?\(([^)]+)\)/.exec(color)?.[1]?.split(',') ?? [];
  return parts.length === 4 ? Number(parts[3]) : 1;
}

/** Checks the watermark names `who` and the time, faintly, over a screen letting clicks pass. */
async function expectWatermark(page: Page, who: PlacardLiaison): Promise<void> {
  const mark = await watermarkOf(page);
  const before = Date.now();
  expect(mark.text.startsWith(`${who.name} ${who.badgeNo} `), mark.text).toBe(true);
  const time = mark.text.slice(`${who.name} ${who.badgeNo} `.length);
  // The minute it was drawn in: now, or the minute before if one just turned.
  expect([shanghaiMinute(before), shanghaiMinute(before - 60_000)]).toContain(time);
  expect(mark.drawn).toBe(`"${mark.text}"`);
  expect(mark.position).toBe('fixed');
  expect(mark.pointerEvents).toBe('none');
  expect(mark.zIndex).toBeGreaterThan(2000); // above antd's dialogs and messages
  expect(mark.covers).toBe(true);
  expect(mark.tiles).toBeGreaterThan(20);
  expect(mark.transform).not.toBe('none'); // diagonal
  expect(alphaOf(mark.color)).toBeLessThanOrEqual(0.2);
  // The watermark is not part of what the page says, nor of what a person copies.
  expect(await pageText(page)).not.toContain(mark.text);
}

/** The element a click at the middle of `testId` lands on is that element, not the watermark. */
async function clickLandsOn(page: Page, testId: string): Promise<boolean> {
  return page
    .getByTestId(testId)
    .first()
    .evaluate((target) => {
      const box = target.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit !== null && target.contains(hit);
    });
}

async function revealEntries() {
  return server.handle.db
    .selectFrom('audit_entries')
    .leftJoin('staff', 'staff.id', 'audit_entries.actor_id')
    .select(['audit_entries.detail', 'staff.username'])
    .where('audit_entries.action', '=', 'ticket.reporter.reveal')
    .where('audit_entries.record_id', '=', ticketId)
    .orderBy('audit_entries.seq')
    .execute();
}

/** Everything the page keeps in localStorage and sessionStorage, keys and values. */
function storedByPage(page: Page): Promise<string> {
  return page.evaluate(() =>
    [localStorage, sessionStorage]
      .flatMap((store) => Object.keys(store).map((k) => `${k}=${store.getItem(k) ?? ''}`))
      .join('\n'),
  );
}

/** What afterAll closes, last opened first. */
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  [assignee, roommate] = server.placard.liaisons as [PlacardLiaison, PlacardLiaison];
  // A resident files a complaint at the sample placard with a phone number; the first liaison of
  // the room accepts it and so becomes the one who calls the resident back.
  const receipt = json<{ trackingCode: string }>(
    await server.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: server.placard.token,
        kind: 'complaint',
        description,
        phone,
        reporterName,
      },
    }),
  );
  trackingCode = receipt.trackingCode;
  const cookie = await loginAs(server.app, assignee.username);
  const inbox = json<{ items: { id: string; trackingCode: string }[] }>(
    await server.app.inject({ url: '/api/staff/tickets', headers: { cookie } }),
  );
  ticketId = inbox.items.find((i) => i.trackingCode === trackingCode)?.id ?? '';
  const accepted = await server.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${ticketId}/actions/accept`,
    payload: {},
    headers: { cookie },
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  desktop = await openDevice('desktop');
  opened.push(desktop);
  officer = desktop.page;
});

afterEach(() => {
  expect(desktop.takeErrors(), 'page errors and console errors').toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe("the reporter's phone on the officer's screens", () => {
  it("marks the assignee's inbox with their name, badge number and the time", async () => {
    await signIn(officer, assignee.username);
    const row = officer.getByTestId('inbox-table').locator('tr', {
      has: officer.getByTestId('row-tracking-code').getByText(trackingCode, { exact: true }),
    });
    await row.waitFor();
    await expectWatermark(officer, assignee);
    expect(await clickLandsOn(officer, 'row-tracking-code')).toBe(true);
    expect(await officer.content()).not.toContain(phone);
    await screen(officer, 'reveal-01-inbox-watermark-desktop.png');
  });

  it('shows the ticket with the number masked, the watermark and the reveal button', async () => {
    await officer
      .getByTestId('inbox-table')
      .getByTestId('row-tracking-code')
      .getByText(trackingCode, { exact: true })
      .click();
    await expect
      .poll(() => textOf(officer.getByTestId('ticket-tracking-code')), eventually)
      .toBe(trackingCode);
    expect(await textOf(officer.getByTestId('reporter-phone'))).toBe(masked);
    expect(await textOf(officer.getByTestId('reporter-name'))).toBe('欧*');
    expect(await textOf(officer.getByTestId('reveal-reporter'))).toBe('查看完整号码');
    expect(await officer.content()).not.toContain(phone);
    expect(await officer.content()).not.toContain(reporterName);
    await expectWatermark(officer, assignee);
    expect(await clickLandsOn(officer, 'reveal-reporter')).toBe(true);
    await screen(officer, 'reveal-02-ticket-masked-desktop.png');
  });

  it('asks for a reason, shows the full number and records the look with it', async () => {
    await officer.getByTestId('reveal-reporter').click();
    const modal = officer.getByTestId('reveal-modal');
    await modal.getByTestId('reveal-submit').waitFor();
    await animationsDone(officer);
    expect(await textOf(modal)).toContain('审计日志');

    // No reason, no request.
    await modal.getByTestId('reveal-submit').click();
    await modal.locator('.ant-form-item-explain-error').waitFor();
    expect(await revealEntries()).toHaveLength(0);

    await modal.getByTestId('reveal-reason').fill(reason);
    // The dialog is under the watermark too: a screenshot of the number's dialog names its taker.
    await expectWatermark(officer, assignee);
    await screen(officer, 'reveal-03-reason-desktop.png', { fullPage: false });
    await modal.getByTestId('reveal-submit').click();

    const full = officer.getByTestId('reporter-phone-full');
    await full.waitFor();
    await modal.waitFor({ state: 'detached' });
    expect(await textOf(full)).toBe(phone);
    expect(await textOf(officer.getByTestId('reporter-name-full'))).toBe(`称呼：${reporterName}`);
    expect(await textOf(officer.getByTestId('reveal-recorded'))).toContain('已记入审计日志');
    expect(await officer.getByTestId('reveal-reporter').count()).toBe(0);

    const entries = await revealEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.username).toBe(assignee.username);
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toEqual({ fields: ['phone', 'name'], reason });
    expect(entries[0]?.detail).not.toMatch(/138|8000/);
    // Nothing of the number is kept by the page beyond the screen.
    expect(await storedByPage(officer)).not.toContain(phone);
    await expectWatermark(officer, assignee);
    await screen(officer, 'reveal-04-number-shown-desktop.png');
  });

  it('keeps the watermark in printed output', async () => {
    await officer.emulateMedia({ media: 'print' });
    try {
      const mark = await watermarkOf(officer);
      expect(await officer.getByTestId('watermark').isVisible()).toBe(true);
      expect(mark.drawn).toContain(assignee.name);
      expect(mark.position).toBe('fixed');
      await screen(officer, 'reveal-05-ticket-print-desktop.png', { fullPage: false });
    } finally {
      await officer.emulateMedia({ media: null });
    }
  });

  it.skipIf(!existsSync(pdftotext))('prints the watermark onto the paper', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const pdf = path.join(screenshotDir, 'reveal-05-ticket-print.pdf');
    // page.pdf() prints with the emulated media: say print, as a person's Ctrl+P does.
    await officer.emulateMedia({ media: 'print' });
    try {
      writeFileSync(pdf, await officer.pdf({ format: 'A4' }));
    } finally {
      await officer.emulateMedia({ media: null });
    }
    // -raw keeps each tile's text together; the badge followed by the time is the watermark's
    // alone (the assignee field shows the badge in brackets), repeated over every page.
    const text = execFileSync(pdftotext, ['-raw', pdf, '-'], { encoding: 'utf8' });
    const tile = new RegExp(`${assignee.badgeNo} \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}`, 'g');
    expect(text.match(tile)?.length ?? 0).toBeGreaterThanOrEqual(5);
  });

  it('forgets the number once the officer leaves the page', async () => {
    await officer.getByTestId('back-to-inbox').click();
    await officer.getByTestId('inbox-table').waitFor();
    expect(await officer.content()).not.toContain(phone);
    await officer
      .getByTestId('inbox-table')
      .getByTestId('row-tracking-code')
      .getByText(trackingCode, { exact: true })
      .click();
    await expect.poll(() => textOf(officer.getByTestId('reporter-phone')), eventually).toBe(masked);
    expect(await officer.getByTestId('reporter-phone-full').count()).toBe(0);
    expect(await officer.content()).not.toContain(phone);
    await officer.reload();
    await officer.getByTestId('reporter-phone').waitFor();
    expect(await officer.content()).not.toContain(phone);
    expect(await storedByPage(officer)).not.toContain(phone);
  });

  it('offers another liaison of the room no way to see it, under their own watermark', async () => {
    await officer.getByTestId('logout').click();
    await officer.getByTestId('login-username').waitFor();
    await signIn(officer, roommate.username);
    await officer.goto(`${server.baseUrl}/workbench/tickets/${ticketId}`);
    await expect.poll(() => textOf(officer.getByTestId('reporter-phone')), eventually).toBe(masked);
    expect(await officer.getByTestId('reveal-reporter').count()).toBe(0);
    expect(await officer.content()).not.toContain(phone);
    await expectWatermark(officer, roommate);
    await screen(officer, 'reveal-06-roommate-desktop.png');
    expect(await revealEntries()).toHaveLength(1);
  });

  it('renews the time of the watermark every minute', async () => {
    // The page's clock only; the server keeps the real one.
    await desktop.context.clock.install({ time: new Date('2026-03-02T09:59:30+08:00') });
    await officer.goto(`${server.baseUrl}/workbench/tickets/${ticketId}`);
    await officer.getByTestId('reporter-phone').waitFor();
    const layer = officer.getByTestId('watermark');
    await expect
      .poll(() => layer.getAttribute('data-text'), eventually)
      .toBe(`${roommate.name} ${roommate.badgeNo} 2026/03/02 09:59`);
    await desktop.context.clock.fastForward('00:45');
    await expect
      .poll(() => layer.getAttribute('data-text'), eventually)
      .toBe(`${roommate.name} ${roommate.badgeNo} 2026/03/02 10:00`);
    await desktop.context.clock.fastForward('01:00');
    await expect
      .poll(() => layer.getAttribute('data-text'), eventually)
      .toBe(`${roommate.name} ${roommate.badgeNo} 2026/03/02 10:01`);
  });
});
