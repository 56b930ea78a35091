// Two residents report the same corridor at the same building; the liaison sees the possible
// duplicate on the ticket page and merges one into the other. The merged ticket's resident then
// follows the surviving ticket's state and reply, and never sees the other resident's report.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, loginAs } from '../test/app.js';
import { keepScreenshot, openDevice, type Device } from './support/browser.js';
import {
  animationsDone,
  buttonTestIds,
  eventually,
  pageText,
  textOf,
  untranslatedKeys,
} from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';

const survivorText = '2单元楼道堆满旧家具，消防通道被堵死。';
const survivorPhone = '13800138000';
const duplicateText = '楼道里的旧家具一直没人清理。';
const reply = '已督促物业清运楼道堆物，消防通道已恢复畅通。';

interface Filed {
  id: string;
  trackingCode: string;
  accessToken: string;
}

let server: E2eServer;
let desktop: Device;
let phone: Device;
let officer: Page;
let resident: Page;
let survivor: Filed;
let duplicate: Filed;

async function screen(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  await keepScreenshot(page, name, options);
}

async function fileReport(description: string, reporterPhone: string): Promise<Filed> {
  const matter = server.placard.matters.find((m) => m.code === 'LDDW') ?? server.placard.matters[0];
  const receipt = json<{ trackingCode: string; accessToken: string }>(
    await server.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: server.placard.token,
        kind: 'complaint',
        matterCode: matter?.code,
        description,
        phone: reporterPhone,
      },
    }),
  );
  const row = await server.handle.db
    .selectFrom('tickets')
    .select('id')
    .where('tracking_code', '=', receipt.trackingCode)
    .executeTakeFirstOrThrow();
  return { id: row.id, ...receipt };
}

async function apiStep(id: string, action: string, payload: object = {}): Promise<void> {
  const cookie = await loginAs(server.app, server.placard.liaisons[0]?.username ?? '');
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${id}/actions/${action}`,
    payload,
    headers: { cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.baseUrl}/workbench/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.demo.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor();
}

const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  survivor = await fileReport(survivorText, survivorPhone);
  duplicate = await fileReport(duplicateText, '13900139000');
  await apiStep(duplicate.id, 'accept');
  desktop = await openDevice('desktop');
  opened.push(desktop);
  phone = await openDevice('phone');
  opened.push(phone);
  officer = desktop.page;
  resident = phone.page;
});

afterEach(() => {
  expect(
    [...desktop.takeErrors(), ...phone.takeErrors()],
    'page errors and console errors',
  ).toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe('merging a duplicate ticket', () => {
  it('shows the liaison the possible duplicate and merges the ticket into it', async () => {
    await signIn(officer, server.placard.liaisons[0]?.username ?? '');
    await officer.goto(`${server.baseUrl}/workbench/tickets/${duplicate.id}`);
    const box = officer.getByTestId('duplicates-box');
    await box.waitFor();
    expect(await textOf(box.getByTestId(`duplicate-${survivor.id}`))).toContain(
      survivor.trackingCode,
    );
    expect(await buttonTestIds(officer.getByTestId('action-bar'))).toContain('action-merge');
    await screen(officer, 'merge-01-duplicates-desktop.png');

    await officer.getByTestId('action-merge').click();
    const modal = officer.getByTestId('action-modal-merge');
    await modal.getByTestId('merge-target').waitFor();
    await animationsDone(officer);
    await modal.getByTestId('merge-target').click();
    await officer.getByTestId(`merge-option-${survivor.id}`).waitFor();
    await animationsDone(officer);
    await officer.getByTestId(`merge-option-${survivor.id}`).click();
    await modal.getByTestId('action-reason').fill('同一楼道的堆物');
    await screen(officer, 'merge-02-modal-desktop.png', { fullPage: false });
    await modal.getByTestId('action-submit').click();
    await modal.waitFor({ state: 'detached' });

    await officer
      .locator('[data-testid="ticket-facts"] [data-testid="status-tag"][data-status="merged"]')
      .waitFor();
    expect(await textOf(officer.getByTestId('merged-into'))).toContain(survivor.trackingCode);
    expect(await officer.locator('[data-testid^="action-"]').count()).toBe(0);
    await screen(officer, 'merge-03-merged-desktop.png');

    await officer.getByTestId('merged-into-link').locator('a').click();
    await officer.getByTestId('merged-from').waitFor();
    expect(await textOf(officer.getByTestId('ticket-tracking-code'))).toBe(survivor.trackingCode);
    expect(await textOf(officer.getByTestId('merged-from'))).toContain(duplicate.trackingCode);
  });

  it("shows the merged ticket's resident the surviving ticket and, later, its reply", async () => {
    await resident.goto(`${server.baseUrl}/t/${duplicate.accessToken}`);
    const notice = resident.getByTestId('follow-merged');
    await notice.waitFor();
    expect(await textOf(resident.getByTestId('follow-merged-code'))).toBe(survivor.trackingCode);
    expect(await resident.getByTestId('follow-merged-status').getAttribute('data-status')).toBe(
      'submitted',
    );
    await screen(resident, 'merge-04-follow-merged-mobile.png');

    await apiStep(survivor.id, 'accept');
    await apiStep(survivor.id, 'contact', { method: 'phone' });
    await apiStep(survivor.id, 'resolve', { outcome: 'corrected', reply });
    await resident.reload();
    const answer = resident.getByTestId('follow-merged-reply');
    await answer.waitFor();
    expect(await textOf(answer)).toContain(reply);
    const text = await pageText(resident);
    const html = await resident.content();
    for (const secret of [survivorText, survivorPhone, '138****8000']) {
      expect(text).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
    await expect
      .poll(
        () => resident.getByTestId('follow-merged-status').getAttribute('data-status'),
        eventually,
      )
      .toBe('resolved');
    await screen(resident, 'merge-05-follow-replied-mobile.png');
  });
});
