// A complaint the room's liaison cannot settle, escalated to the street and solved there, in
// Chromium: the liaison and the street admin each on a desktop, the resident on a phone, against
// the real app and the built web (小事不出社区，大事不出街道, docs/ticket-handling.md).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../test/app.js';
import { devices, openDevice, type Device } from './support/browser.js';
import {
  actionButtons,
  inboxRow,
  openAction,
  openFromInbox,
  pickOption,
  screen,
  segmentedShows,
  signIn,
  submitAction,
  tierOf,
  waitForStatus,
} from './support/escalation.js';
import { eventually, scrollWidth, textOf } from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';

const description =
  '楼下饭店的排油烟管道直通我家窗口，油烟和噪声从早到晚，和店家沟通多次没有结果。';
const reason = '涉及沿街商铺经营，需街道协调市场监管和房管共同处理。';
const reply = '街道已约见店家和居民现场调解，店家同意改装排烟管道并加装消声器，本周内完工。';
const streetAdmin = 'yinhang.admin';
const phoneWidth = devices.phone.viewport.width;

let server: E2eServer;
let phone: Device;
let liaisonDevice: Device;
let adminDevice: Device;
let resident: Page;
let liaison: Page;
let admin: Page;

/** What the resident took away from filing it. */
const receipt = { trackingCode: '', followUrl: '' };

/**
 * The steps of the journey done so far. Each step needs the one before; when that one failed, it
 * is skipped at once instead of waiting out its timeouts on a ticket that never got there.
 */
const reached = new Set<'filed' | 'escalated' | 'resolved'>();
function needs(step: 'filed' | 'escalated' | 'resolved', skip: (note: string) => never): void {
  if (!reached.has(step)) {
    skip(`the step before did not get the ticket to "${step}"`);
  }
}

/** What afterAll closes, last opened first. */
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  [phone, liaisonDevice, adminDevice] = await Promise.all([
    openDevice('phone'),
    openDevice('desktop'),
    openDevice('desktop'),
  ]);
  opened.push(phone, liaisonDevice, adminDevice);
  resident = phone.page;
  liaison = liaisonDevice.page;
  admin = adminDevice.page;
});

afterEach(() => {
  expect(
    [...phone.takeErrors(), ...liaisonDevice.takeErrors(), ...adminDevice.takeErrors()],
    'page errors and console errors',
  ).toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe('a complaint escalated from the community to the street and solved there', () => {
  it('takes a resident’s complaint filed at the placard of their building', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: { placardToken: server.placard.token, kind: 'complaint', description },
    });
    expect(res.statusCode, res.body).toBe(201);
    const filed = json<{ trackingCode: string; followPath: string }>(res);
    receipt.trackingCode = filed.trackingCode;
    receipt.followUrl = `${server.baseUrl}${filed.followPath}`;
    expect(receipt.trackingCode).toMatch(/^LL-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    reached.add('filed');
  });

  it('lets the room’s liaison accept and escalate it, then offers no step', async ({ skip }) => {
    needs('filed', skip);
    const [roomLiaison] = server.placard.liaisons;
    await signIn(liaison, server.baseUrl, roomLiaison?.username ?? '', server.demo.password);
    await inboxRow(liaison, receipt.trackingCode).waitFor();
    await openFromInbox(liaison, receipt.trackingCode);
    expect(await tierOf(liaison.getByTestId('ticket-tier'))).toEqual({
      tier: 'community',
      text: '社区',
    });

    await liaison.getByTestId('action-accept').click();
    await waitForStatus(liaison, 'accepted');
    expect(await textOf(liaison.getByTestId('ticket-facts'))).toContain(roomLiaison?.name ?? '');
    const escalate = liaison.getByTestId('action-escalate');
    expect(await textOf(escalate)).toBe('上报街道');
    await screen(liaison, 'esc-01-liaison-accepted-desktop.png');

    const modal = await openAction(liaison, 'escalate');
    expect(await textOf(modal.locator('.ant-modal-title'))).toBe('上报街道');
    await modal.getByTestId('action-reason').fill(reason);
    await screen(liaison, 'esc-02-liaison-escalate-desktop.png', { fullPage: false });
    await submitAction(liaison, modal, 'submitted');

    await expect
      .poll(() => tierOf(liaison.getByTestId('ticket-tier')), eventually)
      .toEqual({ tier: 'street', text: '街道' });
    expect(await tierOf(liaison.getByTestId('tier-tag'))).toEqual({ tier: 'street', text: '街道' });
    expect(await liaison.getByTestId('action-bar').count()).toBe(0);
    expect(await actionButtons(liaison)).toEqual([]);
    const step = liaison.locator('[data-testid="timeline-entry"][data-type="escalated"]');
    expect(await textOf(step)).toContain('上报上级处理');
    expect(await textOf(step)).toContain('转至：街道');
    expect(await textOf(step)).toContain(reason);
    await screen(liaison, 'esc-03-liaison-escalated-desktop.png');
    reached.add('escalated');
  });

  it('shows the street admin the ticket; they call the resident and resolve by mediation', async ({
    skip,
  }) => {
    needs('escalated', skip);
    await signIn(admin, server.baseUrl, streetAdmin, server.demo.password);
    await admin.getByTestId('inbox-table').waitFor();
    await admin.getByTestId('filter-tier-street').click();
    await expect
      .poll(() => new URL(admin.url()).searchParams.get('tier'), eventually)
      .toBe('street');
    const row = inboxRow(admin, receipt.trackingCode);
    await row.waitFor();
    const rowTiers = () =>
      admin
        .getByTestId('inbox-table')
        .getByTestId('row-tier')
        .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-tier')));
    await expect.poll(async () => [...new Set(await rowTiers())], eventually).toEqual(['street']);
    expect(await textOf(row.getByTestId('row-tier'))).toBe('街道');
    await segmentedShows(admin.getByTestId('tier-filter'), 'filter-tier-street');
    await screen(admin, 'esc-04-admin-inbox-street-desktop.png');

    await openFromInbox(admin, receipt.trackingCode);
    await admin.getByTestId('action-accept').click();
    await waitForStatus(admin, 'accepted');

    const contact = await openAction(admin, 'contact');
    await contact.getByTestId('method-visit').click();
    expect(await contact.getByRole('radio', { name: '上门走访' }).isChecked()).toBe(true);
    await screen(admin, 'esc-05-admin-contact-desktop.png', { fullPage: false });
    await submitAction(admin, contact, 'contacted');

    const resolve = await openAction(admin, 'resolve');
    await pickOption(admin, resolve.getByTestId('action-outcome'), 'outcome-mediated');
    await expect
      .poll(() => textOf(resolve.getByTestId('action-outcome')), eventually)
      .toBe('已调解');
    await resolve.getByTestId('assessment-solved').click();
    expect(await resolve.getByRole('radio', { name: '已解决' }).isChecked()).toBe(true);
    await resolve.getByTestId('action-reply').fill(reply);
    await screen(admin, 'esc-06-admin-resolve-desktop.png', { fullPage: false });
    await submitAction(admin, resolve, 'resolved');

    expect(await tierOf(admin.getByTestId('resolved-tier'))).toEqual({
      tier: 'street',
      text: '街道',
    });
    expect(await admin.getByTestId('handler-assessment').getAttribute('data-value')).toBe('solved');
    expect(await textOf(admin.getByTestId('ticket-facts'))).toContain('已调解');
    expect(await textOf(admin.getByTestId('ticket-reply'))).toBe(reply);
    expect(await actionButtons(admin)).toEqual([]);
    await screen(admin, 'esc-07-admin-resolved-desktop.png');
    reached.add('resolved');
  });

  it('tells the resident the street handled it, with the reply; their rating closes it', async ({
    skip,
  }) => {
    needs('resolved', skip);
    await resident.goto(receipt.followUrl);
    const status = resident.getByTestId('follow-status');
    await expect.poll(() => textOf(status), eventually).toBe('已办结');
    expect(await textOf(resident.getByTestId('follow-tracking-code'))).toBe(receipt.trackingCode);
    const tier = resident.getByTestId('follow-tier');
    expect(await tier.getAttribute('data-tier')).toBe('street');
    expect(await textOf(tier)).toBe('已上报街道处理');
    expect(await textOf(resident.getByTestId('follow-outcome'))).toBe('已调解');
    expect(await textOf(resident.getByTestId('follow-reply'))).toContain(reply);
    expect(await scrollWidth(resident)).toBeLessThanOrEqual(phoneWidth);
    await screen(resident, 'esc-08-follow-resolved-mobile.png');

    await resident.getByTestId('rating-satisfied').click();
    expect(await resident.getByTestId('rating-satisfied').getAttribute('aria-checked')).toBe(
      'true',
    );
    await resident.getByTestId('rating-submit').click();
    const rating = resident.getByTestId('follow-rating');
    await rating.waitFor();
    expect(await textOf(rating.locator('.r-tag'))).toBe('满意');
    expect(await textOf(status)).toBe('已结束');
    expect(await resident.getByTestId('rating-form').count()).toBe(0);
    expect(await scrollWidth(resident)).toBeLessThanOrEqual(phoneWidth);
    await screen(resident, 'esc-09-follow-closed-mobile.png');

    const stored = await server.handle.db
      .selectFrom('tickets')
      .select(['status', 'tier', 'resolved_tier', 'rating'])
      .where('tracking_code', '=', receipt.trackingCode)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      status: 'closed',
      tier: 'street',
      resolved_tier: 'street',
      rating: 'satisfied',
    });
  });
});
