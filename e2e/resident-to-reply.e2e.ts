// A resident's complaint from the placard on the building to the rated reply, in Chromium: the
// resident on a phone, the liaison on a desktop, against the real app and the built web.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { devices, keepScreenshot, openDevice, type Device } from './support/browser.js';
import {
  animationsDone,
  buttonTestIds,
  caseLine,
  eventually,
  pageText,
  scrollWidth,
  textOf,
  untranslatedKeys,
  xssRan,
} from './support/page-checks.js';
import { resolveDeadlineOf, startE2eServer, type E2eServer } from './support/server.js';

// The hostile-input cases kept in test/cases, as for the API tests.
const cases = path.resolve(import.meta.dirname, '../test/cases');
const xssPayload = caseLine(path.join(cases, 'xss.jsonl'), '"><img src=x onerror=');
const description = `楼道里堆满了纸箱和旧家具，消防通道被堵住了。${xssPayload}`;
const photo = path.join(cases, 'uploads/photo-exif-gps.jpg');
const phoneNumber = '13800138000';
const reply = '已联系物业清理楼道堆物，消防通道已恢复畅通。';
const ratingComment = '处理得很及时，谢谢！';
const phoneWidth = devices.phone.viewport.width;

let server: E2eServer;
let phone: Device;
let desktop: Device;
let resident: Page;
let officer: Page;

/** What the resident took away from the receipt. */
const receipt = { trackingCode: '', followUrl: '', resolveDue: '' };

/** Checks the screen shows no translation key instead of text, and keeps a screenshot of it. */
async function screen(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  await keepScreenshot(page, name, options);
}

async function statusOfTicket(page: Page): Promise<string | null> {
  return page.getByTestId('ticket-facts').getByTestId('status-tag').getAttribute('data-status');
}

/** Waits until the ticket page shows `status`; else fails with what the page says instead. */
async function waitForStatus(page: Page, status: string): Promise<void> {
  const tag = page.locator(
    `[data-testid="ticket-facts"] [data-testid="status-tag"][data-status="${status}"]`,
  );
  try {
    await tag.waitFor();
  } catch {
    const shown = await statusOfTicket(page);
    throw new Error(
      `the ticket shows ${shown ?? 'no status'}, not ${status}; the page says:\n` +
        (await pageText(page)),
    );
  }
}

/** What afterAll closes, last opened first. */
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  phone = await openDevice('phone');
  opened.push(phone);
  desktop = await openDevice('desktop');
  opened.push(desktop);
  resident = phone.page;
  officer = desktop.page;
});

afterEach(() => {
  expect(
    [...phone.takeErrors(), ...desktop.takeErrors()],
    'page errors and console errors',
  ).toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe('a complaint from the placard on the building to the rated reply', () => {
  it('shows a phone the placard and takes a complaint with a photo and phone', async () => {
    const { placard } = server;
    await resident.goto(`${server.baseUrl}/b/${placard.token}`);

    const building = resident.getByTestId('placard-building');
    await expect.poll(() => textOf(building.locator('h1')), eventually).toBe(placard.building);
    expect(await textOf(building)).toContain('殷行街道');
    expect(placard.liaisons).toHaveLength(2);
    for (const liaison of placard.liaisons) {
      const card = resident
        .getByTestId('placard-liaisons')
        .locator('li', { hasText: liaison.name });
      expect(await textOf(card)).toContain(liaison.badgeNo);
      const call = card.getByTestId('liaison-call');
      expect(await textOf(call)).toContain(liaison.workPhone);
      expect(await call.getAttribute('href')).toBe(`tel:${liaison.workPhone.replace(/\D/g, '')}`);
    }
    expect(await textOf(resident.getByTestId('placard-room'))).toContain(placard.roomHours);
    const matters = await resident.getByTestId('placard-matters').locator('li').allInnerTexts();
    expect(matters).toEqual(placard.matters.map((m) => m.name));
    expect(await scrollWidth(resident)).toBeLessThanOrEqual(phoneWidth);
    await screen(resident, '01-placard-mobile.png');

    await resident.getByTestId('kind-complaint').click();
    expect(await resident.getByTestId('kind-complaint').getAttribute('aria-checked')).toBe('true');
    const corridor = placard.matters.find((m) => m.code === 'LDDW');
    expect(corridor).toBeDefined();
    await resident.getByTestId('matter-select').selectOption({ label: corridor?.name ?? '' });
    await resident.getByTestId('description').fill(description);
    await resident.getByTestId('photo-input').setInputFiles(photo);
    await resident.getByTestId('photo-slot').locator('img').waitFor();
    await resident.getByTestId('photo-status').waitFor({ state: 'detached' });
    expect(await textOf(resident.getByTestId('photo-count'))).toBe('已添加 1 / 6 张');
    await resident.getByTestId('phone').fill(phoneNumber);
    await resident.getByTestId('reporterName').fill('张先生');
    expect(await scrollWidth(resident)).toBeLessThanOrEqual(phoneWidth);
    await screen(resident, '02-form-filled-mobile.png');

    await resident.getByTestId('submit-ticket').click();
    const code = resident.getByTestId('receipt-tracking-code');
    await code.waitFor();
    receipt.trackingCode = await textOf(code);
    expect(receipt.trackingCode).toMatch(/^LL-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    receipt.followUrl = await resident.getByTestId('receipt-follow-link').inputValue();
    expect(receipt.followUrl).toMatch(new RegExp(`^${server.baseUrl}/t/[\\w-]{16,}$`));
    receipt.resolveDue = await textOf(resident.getByTestId('receipt-resolve-due'));
    expect(receipt.resolveDue).toBe(await resolveDeadlineOf(server.handle, receipt.trackingCode));
    expect(await scrollWidth(resident)).toBeLessThanOrEqual(phoneWidth);
    await screen(resident, '03-receipt-mobile.png');
  });

  it('lets a liaison find it in the inbox, accept, call back and resolve it', async () => {
    const [liaison] = server.placard.liaisons;
    await officer.goto(`${server.baseUrl}/workbench/login`);
    await officer.getByTestId('login-username').fill(liaison?.username ?? '');
    await officer.getByTestId('login-password').fill(server.demo.password);
    await screen(officer, '04-login-desktop.png');
    await officer.getByTestId('login-submit').click();

    const row = officer.getByTestId('inbox-table').locator('tr', {
      has: officer.getByTestId('row-tracking-code').getByText(receipt.trackingCode),
    });
    await row.waitFor();
    expect(await textOf(row)).toContain(receipt.resolveDue);
    await screen(officer, '05-inbox-desktop.png');

    await row.getByTestId('row-tracking-code').click();
    await expect
      .poll(() => textOf(officer.getByTestId('ticket-tracking-code')), eventually)
      .toBe(receipt.trackingCode);
    expect(await textOf(officer.getByTestId('reporter-phone'))).toBe('138****8000');
    expect(await textOf(officer.getByTestId('reporter-name'))).toBe('张*');
    expect(await officer.content()).not.toContain('张先生');
    expect(await pageText(officer)).not.toContain(phoneNumber);
    expect(await officer.content()).not.toContain(phoneNumber);
    const shown = officer.getByTestId('ticket-description');
    expect(await textOf(shown)).toBe(description);
    expect(await shown.locator('img').count()).toBe(0);
    expect(await xssRan(officer)).toBe(false);
    expect(await textOf(officer.getByTestId('ticket-facts'))).toContain(receipt.resolveDue);
    expect(await buttonTestIds(officer.getByTestId('action-bar'))).toEqual([
      'action-accept',
      'action-decline',
      'action-escalate',
      'action-send_back',
    ]);
    await screen(officer, '06-ticket-submitted-desktop.png');

    await officer.getByTestId('action-accept').click();
    await waitForStatus(officer, 'accepted');
    expect(await textOf(officer.getByTestId('ticket-facts'))).toContain(liaison?.name ?? '');

    await officer.getByTestId('action-contact').click();
    const contact = officer.getByTestId('action-modal-contact');
    await contact.getByTestId('method-phone').waitFor();
    await animationsDone(officer);
    await contact.getByTestId('method-phone').click();
    expect(await contact.getByRole('radio', { name: '电话联系' }).isChecked()).toBe(true);
    await screen(officer, '07-contact-desktop.png', { fullPage: false });
    await contact.getByTestId('action-submit').click();
    await waitForStatus(officer, 'contacted');
    await contact.waitFor({ state: 'detached' });

    await officer.getByTestId('action-resolve').click();
    const resolve = officer.getByTestId('action-modal-resolve');
    await resolve.getByTestId('action-outcome').waitFor();
    await animationsDone(officer);
    await resolve.getByTestId('action-outcome').click();
    await officer.getByTestId('outcome-corrected').waitFor();
    await animationsDone(officer);
    await officer.getByTestId('outcome-corrected').click();
    await expect
      .poll(() => textOf(resolve.getByTestId('action-outcome')), eventually)
      .toBe('已整改');
    await resolve.getByTestId('action-reply').fill(reply);
    await screen(officer, '08-resolve-desktop.png', { fullPage: false });
    await resolve.getByTestId('action-submit').click();
    await waitForStatus(officer, 'resolved');
    await resolve.waitFor({ state: 'detached' });
    expect(await officer.locator('[data-testid^="action-"]').count()).toBe(0);
    expect(await textOf(officer.getByTestId('ticket-reply'))).toBe(reply);
    expect(await textOf(officer.getByTestId('ticket-facts'))).toContain('已整改');
    await screen(officer, '09-ticket-resolved-desktop.png');
  });

  it('shows the resident the reply, and closes the ticket with their rating', async () => {
    await resident.goto(receipt.followUrl);
    const status = resident.getByTestId('follow-status');
    await expect.poll(() => textOf(status), eventually).toBe('已办结');
    expect(await textOf(resident.getByTestId('follow-tracking-code'))).toBe(receipt.trackingCode);
    expect(await textOf(resident.getByTestId('follow-outcome'))).toBe('已整改');
    expect(await textOf(resident.getByTestId('follow-reply'))).toContain(reply);
    expect(await textOf(resident.getByTestId('follow-description').locator('p'))).toBe(description);
    expect(await resident.getByTestId('follow-photos').locator('img').count()).toBe(1);
    expect(await xssRan(resident)).toBe(false);
    expect(await scrollWidth(resident)).toBeLessThanOrEqual(phoneWidth);
    await screen(resident, '10-follow-resolved-mobile.png');

    await resident.getByTestId('rating-satisfied').click();
    await resident.getByTestId('rating-comment').fill(ratingComment);
    await resident.getByTestId('rating-submit').click();
    const rating = resident.getByTestId('follow-rating');
    await rating.waitFor();
    expect(await textOf(rating.locator('.r-tag'))).toBe('满意');
    expect(await textOf(rating)).toContain(ratingComment);
    expect(await textOf(status)).toBe('已结束');
    expect(await resident.getByTestId('rating-form').count()).toBe(0);
    expect(await scrollWidth(resident)).toBeLessThanOrEqual(phoneWidth);
    await screen(resident, '11-follow-closed-mobile.png');
  });

  it('answers a placard code it does not know with a clear page, not an error dump', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.baseUrl}/b/does-not-exist`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await textOf(heading)).toBe('没有找到这块联络牌');
    expect(await textOf(page.getByTestId('resident-notice'))).toContain('这个二维码无法识别');
    const text = await pageText(page);
    expect(text).not.toContain('{"error"');
    expect(text).not.toContain('placard_not_found');
    await screen(page, '12-placard-unknown-mobile.png');
    await page.close();
  });

  it('switches the placard page to English', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.baseUrl}/b/${server.placard.token}`);
    const submit = page.getByTestId('submit-ticket');
    await expect.poll(() => textOf(submit), eventually).toBe('提交');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => textOf(submit), eventually).toBe('Send');
    expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    expect(await textOf(page.getByTestId('kind-complaint'))).toContain('Complaint');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(phoneWidth);
    await screen(page, '13-placard-english-mobile.png');
    await page.close();
  });
});
