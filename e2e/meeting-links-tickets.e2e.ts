// A liaison records a community meeting on a desktop: one new issue raised there becomes a ticket
// ("会议提出"), and a resident's existing ticket is linked as settled without changing its state.
// In Chromium, against the real app and the built web (docs/visits-and-meetings.md).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../test/app.js';
import { openDevice, type Device } from './support/browser.js';
import { pickOption, screen, signIn, waitForStatus } from './support/escalation.js';
import { animationsDone, eventually, textOf } from './support/page-checks.js';
import { clickMenu } from './support/menu.js';
import { startE2eServer, type E2eServer } from './support/server.js';

const complaint = '楼道里堆满纸箱和旧家具，影响通行，也有火灾隐患。';
const raised = '3号楼一楼住户占用公共绿地搭建棚架。';

let server: E2eServer;
let device: Device;
let liaison: Page;
let residentCode = '';

const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: { placardToken: server.placard.token, kind: 'complaint', description: complaint },
  });
  residentCode = json<{ trackingCode: string }>(res).trackingCode;
  device = await openDevice('desktop');
  opened.push(device);
  liaison = device.page;
});

afterEach(() => {
  expect(device.takeErrors(), 'page errors and console errors').toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

describe('a council meeting', () => {
  it('records topic, people, outcome; files the raised issue, links the settled one', async () => {
    await signIn(liaison, server.baseUrl, 'yinhang.1', server.demo.password);
    await clickMenu(liaison, 'field', 'meetings');
    await liaison.getByTestId('meetings-table').waitFor();
    await liaison.getByTestId('meeting-new').click();
    await liaison.getByTestId('meeting-form').waitFor();
    await liaison.getByTestId('meeting-kind-council').click();
    await liaison.getByTestId('meeting-topic').fill('楼道堆物集中整治');
    await liaison.getByTestId('meeting-participants').click();
    await liaison.keyboard.type('居委会书记');
    await liaison.keyboard.press('Enter');
    await liaison.keyboard.type('物业项目经理');
    await liaison.keyboard.press('Enter');
    await liaison.keyboard.press('Escape');
    await liaison.getByTestId('meeting-outcomes').fill('物业两周内清理楼道，城管跟进复查。');

    await liaison.getByTestId('meeting-settled').click();
    await liaison.keyboard.type(residentCode);
    const option = liaison.getByTestId(`settled-option-${residentCode}`);
    await option.waitFor();
    await animationsDone(liaison);
    await option.click();
    await liaison.keyboard.press('Escape');

    await liaison.getByTestId('issue-add').click();
    await liaison.getByTestId('issue-0-matter').click();
    await liaison.keyboard.type('占用绿地');
    await pickOption(liaison, liaison.getByTestId('issue-0-matter'), 'matter-option-ZLHL-1');
    await liaison.getByTestId('issue-0-building').click();
    const building = liaison.locator('.ant-select-item-option', { hasText: '殷行一村3号楼' });
    await building.waitFor();
    await animationsDone(liaison);
    await building.click();
    await liaison.getByTestId('issue-0-description').fill(raised);
    await screen(liaison, 'meeting-01-form-desktop.png');

    await liaison.getByTestId('meeting-submit').click();
    await liaison.getByTestId('meeting-detail').waitFor();
    const facts = await textOf(liaison.getByTestId('meeting-facts'));
    expect(facts).toContain('议事会');
    expect(facts).toContain('居委会书记、物业项目经理');
    expect(facts).toContain('孙勇');
    const links = await liaison
      .getByTestId('linked-ticket')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-link')));
    expect(links).toEqual(['produced', 'settled']);
    const settled = liaison.locator('[data-testid="linked-ticket"][data-link="settled"]');
    expect(await textOf(settled.getByTestId('linked-ticket-code'))).toBe(residentCode);
    expect(await textOf(settled.getByTestId('status-tag'))).toBe('待受理');
    await screen(liaison, 'meeting-02-detail-desktop.png');
  });

  it('shows on the settled ticket that the meeting settled it, its state unchanged', async () => {
    const settled = liaison.locator('[data-testid="linked-ticket"][data-link="settled"]');
    await settled.getByTestId('linked-ticket-code').click();
    await waitForStatus(liaison, 'submitted');
    const origin = liaison.getByTestId('ticket-field-work');
    await origin.waitFor();
    expect(await textOf(origin)).toContain('议事会“楼道堆物集中整治”上协商化解');
    await liaison.getByTestId('ticket-field-work-line').getByRole('link').click();
    await liaison.getByTestId('meeting-detail').waitFor();
    await expect.poll(() => liaison.getByTestId('linked-ticket').count(), eventually).toBe(2);
    await liaison.locator('[data-testid="linked-ticket"][data-link="produced"] a').click();
    await waitForStatus(liaison, 'submitted');
    expect(await textOf(liaison.getByTestId('ticket-facts'))).toContain('社区会议上提出');
    expect(await textOf(liaison.getByTestId('ticket-description'))).toBe(raised);
    await screen(liaison, 'meeting-03-produced-ticket-desktop.png');
  });
});
