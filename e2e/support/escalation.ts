// Small steps the street-escalation journey reads with: signing an officer in, finding a ticket in
// the inbox, waiting for the ticket page to show a state, and filling an action's dialog.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { authenticatorCode } from '../../test/second-factor.js';
import { keepScreenshot } from './browser.js';
import { animationsDone, eventually, pageText, textOf, untranslatedKeys } from './page-checks.js';

/** Checks the screen shows no translation key instead of text, and keeps a screenshot of it. */
export async function screen(
  page: Page,
  name: string,
  options?: { fullPage?: boolean },
): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  await keepScreenshot(page, name, options);
}

/** Signs an officer in at the workbench login page and waits for the workbench to greet them. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/workbench/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await passSecondFactor(page, baseUrl, username);
  await page.getByTestId('user-name').waitFor();
}

/**
 * Passes the second sign-in step when the account owes one (admin roles): gives the code of the
 * authenticator the test helpers keep (setting it up at the first sign-in).
 */
export async function passSecondFactor(
  page: Page,
  baseUrl: string,
  username: string,
): Promise<void> {
  const next = page.getByTestId('user-name').or(page.getByTestId('totp-code'));
  await next.first().waitFor();
  if (!(await page.getByTestId('totp-code').isVisible())) {
    return;
  }
  await page.getByTestId('totp-code').and(page.locator(':enabled')).waitFor();
  await page.getByTestId('totp-code').fill(await authenticatorCode(baseUrl, username));
  await page.getByTestId('totp-submit').click();
  const after = page.getByTestId('user-name').or(page.getByTestId('totp-continue'));
  await after.first().waitFor();
  if (await page.getByTestId('totp-continue').isVisible()) {
    await page.getByTestId('totp-continue').click();
  }
}

/** The inbox row of a ticket, by its tracking code. */
export function inboxRow(page: Page, trackingCode: string): Locator {
  return page.getByTestId('inbox-table').locator('tr', {
    has: page.getByTestId('row-tracking-code').getByText(trackingCode, { exact: true }),
  });
}

/** Opens a ticket from its inbox row and waits until its page shows its tracking code. */
export async function openFromInbox(page: Page, trackingCode: string): Promise<void> {
  await inboxRow(page, trackingCode).getByTestId('row-tracking-code').click();
  await expect
    .poll(() => textOf(page.getByTestId('ticket-tracking-code')), eventually)
    .toBe(trackingCode);
}

/** Waits until the ticket page shows `status`; else fails with what the page says instead. */
export async function waitForStatus(page: Page, status: string): Promise<void> {
  const tag = page.locator(
    `[data-testid="ticket-facts"] [data-testid="status-tag"][data-status="${status}"]`,
  );
  try {
    await tag.waitFor();
  } catch {
    const shown = await page
      .getByTestId('ticket-facts')
      .getByTestId('status-tag')
      .getAttribute('data-status')
      .catch(() => null);
    throw new Error(
      `the ticket shows ${shown ?? 'no status'}, not ${status}; the page says:\n${await pageText(page)}`,
    );
  }
}

/** The tier a tier tag shows, as its data-tier and its text. */
export async function tierOf(tag: Locator): Promise<{ tier: string | null; text: string }> {
  return { tier: await tag.getAttribute('data-tier'), text: await textOf(tag) };
}

/** The data-testids of every action button anywhere on the page. */
export function actionButtons(page: Page): Promise<string[]> {
  return page
    .locator('button[data-testid^="action-"]')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid') ?? ''));
}

/** Clicks an action button and waits until its dialog has finished opening. */
export async function openAction(page: Page, action: string): Promise<Locator> {
  await page.getByTestId(`action-${action}`).click();
  const modal = page.getByTestId(`action-modal-${action}`);
  await modal.getByTestId('action-submit').waitFor();
  await animationsDone(page);
  return modal;
}

/** Submits an action's dialog and waits until the ticket shows `status` and the dialog is gone. */
export async function submitAction(page: Page, modal: Locator, status: string): Promise<void> {
  await modal.getByTestId('action-submit').click();
  await waitForStatus(page, status);
  await modal.waitFor({ state: 'detached' });
}

/** Picks an option of an antd Select in a dialog, waiting for its list to finish sliding in. */
export async function pickOption(page: Page, select: Locator, optionTestId: string): Promise<void> {
  await select.click();
  const option = page.getByTestId(optionTestId);
  await option.waitFor();
  await animationsDone(page);
  await option.click();
}

/**
 * Waits until an antd Segmented shows `optionTestId` as chosen, as a person sees it: its sliding
 * thumb has come to rest and the option itself is drawn as selected (the thumb is drawn in place
 * of the selection while it slides, so a screenshot taken earlier shows the old choice).
 */
export async function segmentedShows(segmented: Locator, optionTestId: string): Promise<void> {
  const chosen = () =>
    segmented
      .locator('.ant-segmented-item-selected [data-testid]')
      .evaluateAll((spans) => spans.map((s) => s.getAttribute('data-testid')));
  await expect.poll(chosen, eventually).toEqual([optionTestId]);
  await expect.poll(() => segmented.locator('.ant-segmented-thumb').count(), eventually).toBe(0);
}
