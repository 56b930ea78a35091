// "My requests" (我的诉求) in Chromium on a phone: a resident files a complaint with their phone at
// the placard, finds it on /mine among the receipts of this tab, looks it up by its receipt code
// typed loosely, then verifies the phone with the SMS code (read from the outbox, where the worker
// would read it) and opens the ticket from the list of every request of that phone.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDataCipher } from '../src/server/crypto/data-cipher.js';
import { seriousAxeViolations } from './support/axe.js';
import { keepScreenshot, openDevice, type Device } from './support/browser.js';
import { eventually, scrollWidth, textOf, untranslatedKeys } from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';

const phoneNumber = '13912340000';
// The key the e2e server encrypts with (e2e/support/server.ts).
const cipher = createDataCipher(Buffer.alloc(32, 7));

let server: E2eServer;
let device: Device;
let resident: Page;
let trackingCode = '';

async function screen(page: Page, name: string): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  expect(await scrollWidth(page), `no sideways scrolling on ${name}`).toBeLessThanOrEqual(360);
  await keepScreenshot(page, name);
}

/** The code of the newest SMS to the phone, decrypted as the outbox worker decrypts it. */
async function smsCode(phone: string): Promise<string> {
  const rows = await server.handle.db
    .selectFrom('outbox')
    .select(['payload', 'recipient_enc'])
    .where('event', '=', 'verification_code')
    .orderBy('created_at', 'desc')
    .execute();
  const row = rows.find((r) => r.recipient_enc && cipher.decrypt(r.recipient_enc) === phone);
  if (!row) {
    throw new Error('no code was queued for the phone');
  }
  return cipher.decrypt((JSON.parse(row.payload) as { codeEnc: string }).codeEnc);
}

beforeAll(async () => {
  server = await startE2eServer();
  device = await openDevice('phone');
  resident = device.page;
});

afterEach(() => {
  expect(device.takeErrors(), 'page errors and console errors').toEqual([]);
});

afterAll(async () => {
  await device.close();
  await server.close();
});

describe('my requests on a phone', () => {
  it('files a complaint with a phone number at the placard', async () => {
    await resident.goto(`${server.baseUrl}/b/${server.placard.token}`);
    await resident.getByTestId('kind-complaint').click();
    await resident.getByTestId('description').fill('小区门口的共享单车堆成一片，挡住了盲道。');
    await resident.getByTestId('phone').fill(phoneNumber);
    await resident.getByTestId('submit-ticket').click();
    trackingCode = await textOf(resident.getByTestId('receipt-tracking-code'));
    expect(trackingCode).toMatch(/^LL-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  });

  it('shows the receipt of this tab on /mine, and the page passes axe', async () => {
    await resident.goto(`${server.baseUrl}/mine`);
    await resident.getByRole('heading', { level: 1, name: '我的诉求' }).waitFor();
    const kept = resident.getByTestId('mine-device-item');
    expect(await kept.count()).toBe(1);
    expect(await textOf(kept)).toContain(trackingCode);
    expect(await seriousAxeViolations(resident)).toEqual([]);
    await screen(resident, 'my-requests-01-start-mobile.png');
  });

  it('looks the ticket up by its receipt code, typed in lower case with spaces', async () => {
    await resident
      .getByTestId('mine-receipt-code')
      .fill(trackingCode.toLowerCase().replace(/-/g, ' '));
    await resident.getByTestId('mine-receipt-submit').click();
    const result = resident.getByTestId('mine-receipt-result');
    await result.waitFor();
    expect(await textOf(result)).toContain(trackingCode);
    expect(await textOf(resident.getByTestId('mine-receipt-status'))).toBe('待受理');
    expect(await textOf(result)).toContain('投诉');
    await screen(resident, 'my-requests-02-receipt-mobile.png');
  });

  it('sends a code to the phone and counts a minute down on the button', async () => {
    await resident
      .getByTestId('mine-phone')
      .fill(`${phoneNumber.slice(0, 3)} ${phoneNumber.slice(3)}`);
    await resident.getByTestId('mine-send-code').click();
    await resident.getByTestId('mine-code-sent').waitFor();
    const button = resident.getByTestId('mine-send-code');
    expect(await button.isDisabled()).toBe(true);
    expect(await textOf(button)).toMatch(/^(60|59|58)秒后可重新获取$/);
    await screen(resident, 'my-requests-03-code-sent-mobile.png');
  });

  it('verifies the phone and lists its ticket, which opens its follow page', async () => {
    await resident.getByTestId('mine-code').fill(await smsCode(phoneNumber));
    await resident.getByTestId('mine-verify').click();
    const item = resident.getByTestId('mine-item');
    await item.waitFor();
    expect(await item.count()).toBe(1);
    expect(await textOf(item)).toContain(trackingCode);
    expect(await textOf(resident.getByTestId('mine-item-status'))).toBe('待受理');
    expect(await seriousAxeViolations(resident)).toEqual([]);
    await screen(resident, 'my-requests-04-list-mobile.png');

    await item.getByTestId('mine-item-open').click();
    await expect
      .poll(() => textOf(resident.getByTestId('follow-tracking-code')), eventually)
      .toBe(trackingCode);
  });

  it('keeps the list on coming back, until the resident logs out', async () => {
    await resident.goBack();
    await resident.getByTestId('mine-item').waitFor();
    await resident.getByTestId('mine-logout').click();
    await resident.getByTestId('mine-notice').waitFor();
    expect(await textOf(resident.getByTestId('mine-notice'))).toBe('已退出查看。');
    expect(await resident.getByTestId('mine-phone').isVisible()).toBe(true);
    await screen(resident, 'my-requests-05-logged-out-mobile.png');
  });
});
