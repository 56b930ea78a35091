// The pages of the separate administrators (docs/security.md, 等保 三权分立): the system
// administrator creates, disables and re-enables an officer and sets their password; the
// security administrator lifts a lockout, ends an officer's sessions and resets an
// authenticator; any other role sees neither page in its menu and is refused on their URLs.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.js';
import { openDevice, type Device } from './support/browser.js';
import { screen, signIn } from './support/escalation.js';
import { clickMenu, menuEntry } from './support/menu.js';
import { animationsDone, eventually, scrollWidth, textOf } from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';

let server: E2eServer;
/** The administrators' desktop at 1366 px. */
let desk: Device;
/** The new officer's own desktop, a browser of its own. */
let officer: Device;
/** An administrator's phone, 390 px wide. */
let phone: Device;

const newOfficer = { username: 'e2e.officer', name: '测试队员', password: 'Harbour-Lights-7' };
const newPassword = 'Quiet-Lanes-42';

beforeAll(async () => {
  server = await startE2eServer();
  desk = await openDevice('desktop');
  officer = await openDevice('desktop');
  phone = await openDevice('phone');
  await phone.page.setViewportSize({ width: 390, height: 844 });
});

afterEach(() => {
  for (const device of [desk, officer, phone]) {
    expect(device.takeErrors(), 'page errors and console errors').toEqual([]);
  }
});

afterAll(async () => {
  await Promise.all([desk.close(), officer.close(), phone.close()]);
  await server.close();
});

/** Drops the console lines of refusals a step means to cause: failed sign-in, lapsed session. */
function expectOnlyRefusals(device: Device, status: number): void {
  const unexpected = device.takeErrors().filter((e) => !e.includes(`status of ${String(status)}`));
  expect(unexpected, 'errors other than the intended refusals').toEqual([]);
}

/** Checks a page as axe judges it and as a reader sees it, and keeps its screenshot. */
async function checkPage(page: Page, name: string): Promise<void> {
  await animationsDone(page);
  await screen(page, name);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
}

/** Types into the search box above an account table. */
async function search(page: Page, words: string): Promise<void> {
  await page.getByTestId('staff-search').locator('input').fill(words);
}

/** The table row of an account, by its user name. */
function row(page: Page, table: string, username: string): Locator {
  return page.getByTestId(table).locator('tr', {
    has: page.getByText(username, { exact: true }),
  });
}

/** Clicks a step's button, then the confirmation's own button. */
async function confirmStep(page: Page, step: string, username: string): Promise<void> {
  await page.getByTestId(`${step}-${username}`).click();
  const ok = page.getByTestId(`confirm-${step}-${username}`);
  await ok.waitFor();
  await animationsDone(page);
  await ok.click();
}

async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  const option = page.locator('.ant-select-item-option', { hasText: label }).first();
  await option.waitFor();
  await animationsDone(page);
  await option.click();
}

/** Tries to sign in and returns what the login page says, or 'signed in'. */
async function tryToSignIn(page: Page, username: string, password: string): Promise<string> {
  await page.context().clearCookies();
  await page.goto(`${server.baseUrl}/workbench/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  const outcome = page.getByTestId('login-error').or(page.getByTestId('user-name'));
  await outcome.first().waitFor();
  return (await page.getByTestId('user-name').isVisible())
    ? 'signed in'
    : textOf(page.getByTestId('login-error'));
}

describe('the system administrator', () => {
  it('starts on the staff accounts, with only their own page in the menu', async () => {
    const page = desk.page;
    await signIn(page, server.baseUrl, 'sysadmin', server.demo.password);
    await expect.poll(() => page.url(), eventually).toMatch(/\/workbench\/admin\/staff$/);
    await row(page, 'staff-table', 'admin').waitFor();
    expect(await textOf(row(page, 'staff-table', 'admin'))).toMatch(/区局管理员.*全区.*启用/s);
    await search(page, 'yinhang.1');
    const liaison = row(page, 'staff-table', 'yinhang.1');
    await liaison.waitFor();
    expect(await textOf(liaison)).toMatch(/联络员.*街道.*启用.*未锁定.*未设置/s);
    await search(page, 'sysadmin');
    expect(await textOf(row(page, 'staff-table', 'sysadmin'))).toContain('由其他管理员负责');
    await page.getByTestId('menu-group-settings').hover();
    const links = page.locator('.wb-menu-popup-settings a[data-testid^="menu-"]');
    await links.first().waitFor();
    expect(await links.evaluateAll((l) => l.map((a) => a.getAttribute('href')))).toEqual([
      '/workbench/admin/staff',
    ]);
    await page.mouse.move(0, 600);
    await page.locator('.wb-menu-popup-settings').waitFor({ state: 'hidden' });
    await checkPage(page, 'admin-01-staff-desktop.png');
  });

  it('is told a short password is refused before sending, then creates the officer', async () => {
    const page = desk.page;
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/admin/staff')) {
        posts.push(r.url());
      }
    });
    await page.getByTestId('create-staff').click();
    const form = page.getByTestId('create-staff-form');
    await form.waitFor();
    await page.getByTestId('create-username').fill(newOfficer.username);
    await page.getByTestId('create-name').fill(newOfficer.name);
    await pickOption(page, page.getByTestId('create-role'), '联络员');
    await pickOption(page, page.getByTestId('create-street'), '定海路街道');
    await page.getByTestId('create-password').fill('Short-1');
    const rules = page.getByTestId('password-rules');
    const kept = (rule: string) => rules.locator(`[data-rule="${rule}"]`).getAttribute('data-kept');
    expect(await textOf(rules)).toContain('至少 10 个字符');
    await expect.poll(() => kept('min_length'), eventually).toBe('false');
    expect(await kept('classes')).toBe('true');
    await page.getByTestId('create-staff-save').click();
    await form.getByText('至少 10 个字符').last().waitFor();
    expect(await form.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual([
      '至少 10 个字符',
    ]);
    expect(posts, 'nothing sent while the password breaks a rule').toEqual([]);
    // A dialog dims the page behind it, which axe would count as low contrast: screenshot only.
    await screen(page, 'admin-02-create-refused-desktop.png', { fullPage: false });

    await page.getByTestId('create-password').fill(newOfficer.password);
    await expect.poll(() => kept('min_length'), eventually).toBe('true');
    await page.getByTestId('create-staff-save').click();
    await form.waitFor({ state: 'detached' });
    const created = row(page, 'staff-table', newOfficer.username);
    await created.waitFor();
    expect(await textOf(created)).toMatch(/测试队员.*联络员.*定海路街道.*启用/s);
    expect(posts).toHaveLength(1);
  });

  it('sees the server refuse a taken user name next to that field', async () => {
    const page = desk.page;
    await page.getByTestId('create-staff').click();
    const form = page.getByTestId('create-staff-form');
    await form.waitFor();
    await page.getByTestId('create-username').fill(newOfficer.username);
    await page.getByTestId('create-name').fill('另一位');
    await pickOption(page, page.getByTestId('create-role'), '区局管理员');
    await page.getByTestId('create-password').fill('Another-Long-9');
    await page.getByTestId('create-staff-save').click();
    const usernameItem = form.locator('.ant-form-item', {
      has: page.getByTestId('create-username'),
    });
    await usernameItem.getByText('该用户名已被使用').waitFor();
    expectOnlyRefusals(desk, 400);
    await page.locator('.ant-modal-close').click();
    await form.waitFor({ state: 'detached' });
  });

  it('lets the new officer sign in, and disabling them shuts them out', async () => {
    const { username, password } = newOfficer;
    expect(await tryToSignIn(officer.page, username, password)).toBe('signed in');
    const page = desk.page;
    await confirmStep(page, 'disable', username);
    await row(page, 'staff-table', username).getByText('已停用').waitFor();
    expect(await tryToSignIn(officer.page, username, password)).toBe('用户名或密码不正确。');
    expectOnlyRefusals(officer, 401);
    await confirmStep(page, 'enable', username);
    await row(page, 'staff-table', username).getByText('启用', { exact: true }).waitFor();
  });

  it('sets a new password, refusing one with the user name in it on the page', async () => {
    const page = desk.page;
    await page.getByTestId(`reset-${newOfficer.username}`).click();
    const field = page.getByTestId('reset-password');
    await field.waitFor();
    await field.fill('E2e.Officer-2026');
    await page.getByTestId('reset-password-save').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '不包含用户名' }).waitFor();
    await screen(page, 'admin-03-reset-refused-desktop.png', { fullPage: false });
    await field.fill(newPassword);
    await page.getByTestId('reset-password-save').click();
    await field.waitFor({ state: 'detached' });
    expect(await tryToSignIn(officer.page, newOfficer.username, newPassword)).toBe('signed in');
  });

  it('reads the page and the password rules in English', async () => {
    const page = desk.page;
    await page.getByTestId('lang-en').click();
    await page.getByRole('heading', { name: 'Staff accounts' }).waitFor();
    await page.getByTestId('create-staff').click();
    await page.getByTestId('create-password').waitFor();
    expect(await textOf(page.getByTestId('password-rules'))).toContain('At least 10 characters');
    await animationsDone(page);
    await screen(page, 'admin-04-create-english-desktop.png', { fullPage: false });
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('create-staff-form').waitFor({ state: 'detached' });
    await checkPage(page, 'admin-05-staff-english-desktop.png');
    await page.getByTestId('lang-zh-CN').click();
    await page.getByRole('heading', { name: '工作人员账号' }).waitFor();
  });

  it('reads the staff accounts on a 390 px phone without scrolling the page sideways', async () => {
    const page = phone.page;
    await page.context().clearCookies();
    await signIn(page, server.baseUrl, 'sysadmin', server.demo.password);
    await search(page, 'yinhang');
    await row(page, 'staff-table', 'yinhang.1').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await checkPage(page, 'admin-06-staff-phone.png');
    await page.getByTestId('create-staff').click();
    await page.getByTestId('create-staff-form').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await animationsDone(page);
    await screen(page, 'admin-07-create-phone.png', { fullPage: false });
    await page.context().clearCookies();
  });
});

describe('the security administrator', () => {
  it('sees an account locked after failed sign-ins and lifts the lock', async () => {
    for (let i = 0; i < 5; i++) {
      await server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'yinhang.2', password: `Wrong-guess-${String(i)}` },
      });
    }
    const page = desk.page;
    await page.context().clearCookies();
    await signIn(page, server.baseUrl, 'secadmin', server.demo.password);
    await expect.poll(() => page.url(), eventually).toMatch(/\/workbench\/security\/lockouts$/);
    const locked = row(page, 'lockouts-table', 'yinhang.2');
    await locked.waitFor();
    await checkPage(page, 'security-01-lockouts-desktop.png');
    await confirmStep(page, 'unlock', 'yinhang.2');
    await locked.waitFor({ state: 'detached' });
    expect(await tryToSignIn(officer.page, 'yinhang.2', server.demo.password)).toBe('signed in');
  });

  it("ends an officer's sessions: their open page is sent to the login", async () => {
    const { username } = newOfficer;
    expect(await tryToSignIn(officer.page, username, newPassword)).toBe('signed in');
    const page = desk.page;
    await clickMenu(page, 'settings', 'security/accounts');
    await search(page, username);
    const account = row(page, 'security-accounts-table', username);
    await account.waitFor();
    expect(await textOf(account)).toMatch(/测试队员.*联络员.*定海路街道.*启用.*未锁定/s);
    await checkPage(page, 'security-02-accounts-desktop.png');
    await confirmStep(page, 'end-sessions', username);
    await page.getByText(`已结束 ${username} 的全部会话`).waitFor();
    await clickMenu(officer.page, 'field', 'visits');
    await officer.page.getByTestId('login-username').waitFor();
    await expect.poll(() => officer.page.url(), eventually).toMatch(/\/workbench\/login$/);
    expectOnlyRefusals(officer, 401);
  });

  it('resets the authenticator of the system administrator', async () => {
    const page = desk.page;
    await search(page, 'sysadmin');
    const account = row(page, 'security-accounts-table', 'sysadmin');
    await account.getByText('已设置').waitFor();
    await confirmStep(page, 'totp-reset', 'sysadmin');
    await account.getByText('未设置').waitFor();
    await search(page, 'secadmin');
    const own = row(page, 'security-accounts-table', 'secadmin');
    expect(await textOf(own)).toContain('本人账号');
  });

  it('acts on accounts on a 390 px phone without scrolling the page sideways', async () => {
    const page = phone.page;
    await page.context().clearCookies();
    await signIn(page, server.baseUrl, 'secadmin', server.demo.password);
    await page.goto(`${server.baseUrl}/workbench/security/accounts`);
    await search(page, 'yinhang');
    await row(page, 'security-accounts-table', 'yinhang.1').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await checkPage(page, 'security-03-accounts-phone.png');
    await page.goto(`${server.baseUrl}/workbench/security/lockouts`);
    await page.getByTestId('lockouts-table').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await checkPage(page, 'security-04-lockouts-phone.png');
  });
});

describe('another role', () => {
  it('sees neither page in its menu and is refused on their addresses', async () => {
    const page = desk.page;
    await page.context().clearCookies();
    await signIn(page, server.baseUrl, 'admin', server.demo.password);
    await menuEntry(page, 'settings', 'audit');
    for (const key of ['admin/staff', 'security/accounts', 'security/lockouts']) {
      expect(await page.getByTestId(`menu-${key}`).count(), key).toBe(0);
    }
    await page.mouse.move(0, 600);
    await page.locator('.wb-menu-popup-settings').waitFor({ state: 'hidden' });
    const refusals = {
      'admin/staff': '只有系统管理员可以管理工作人员账号',
      'security/accounts': '只有安全管理员可以管理账号的锁定、会话和身份验证器',
    };
    for (const [path, text] of Object.entries(refusals)) {
      await page.goto(`${server.baseUrl}/workbench/${path}`);
      await page.locator('.ant-result-403').getByText(text).waitFor();
    }
    await checkPage(page, 'admin-08-forbidden-desktop.png');
  });
});
