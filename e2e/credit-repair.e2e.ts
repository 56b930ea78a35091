// Credit repair in Chromium: a fine of 200 元 (轻微, repairable once paid) is decided and paid; a
// resident on a phone checks the date, applies with uploads, is asked for missing materials and
// uploads them; the street admin accepts and records the end of publication; the resident
// downloads the result letter, whose text names the decision number. The public pages pass axe.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../test/app.js';
import { pdfText } from '../test/pdf.js';
import { seriousAxeViolations } from './support/axe.js';
import { keepScreenshot, openDevice, type Device } from './support/browser.js';
import { downloadWait, eventually, untranslatedKeys } from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';

let server: E2eServer;
let phone: Device;
let desk: Device;
let resident: Page;
let admin: Page;
let statusUrl = '';
const decisionNo = '殷城管罚〔2026〕88号';
const idNumber = '310110198001011236';
const photo = path.resolve(import.meta.dirname, '../test/cases/uploads/photo-exif-gps.jpg');

async function screen(page: Page, name: string): Promise<void> {
  expect(await untranslatedKeys(page), `untranslated keys on ${name}`).toEqual([]);
  await keepScreenshot(page, `${name}.png`);
}

async function accessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** Shanghai's calendar date today. */
function today(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A decided and paid fine of 200 元 for 飞线充电, through the case API as its liaison. */
async function decidedPaidCase(): Promise<void> {
  const liaison = server.placard.liaisons[0]?.username ?? '';
  const cookie = await loginAs(server.app, liaison, server.demo.password);
  const call = async (url: string, payload: object) => {
    const res = await server.app.inject({ method: 'POST', url, payload, headers: { cookie } });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return JSON.parse(res.body) as { id: string };
  };
  const day = today();
  const { id } = await call('/api/staff/cases', {
    body: 'street',
    matterCode: 'FXCD',
    place: '殷行路100弄3号楼',
    facts: '当事人从3号楼502室窗口私拉电线为电动自行车充电。',
    party: { kind: 'person', name: '张三丰', idNumber, address: '殷行路100弄3号502室' },
  });
  const steps = `/api/staff/cases/${id}/steps`;
  await call(`${steps}/investigate`, { note: '现场检查' });
  await call(`${steps}/notify`, {
    deliveredOn: day,
    proposedFineFen: 20_000,
    hearingRight: false,
    summary: '拟对当事人处以罚款200元。',
  });
  await call(`${steps}/decide`, { kind: 'penalty', decidedOn: day, decisionNo, fineFen: 20_000 });
  await call(`${steps}/deliver`, { deliveredOn: day, method: 'direct' });
  await call(`${steps}/record_payment`, { paidOn: day });
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.baseUrl}/workbench/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.demo.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor();
}

async function pick(page: Page, item: string): Promise<void> {
  await page.getByTestId(`credit-file-${item}`).first().setInputFiles(photo);
  await expect
    .poll(() => page.getByTestId(`credit-item-${item}`).first().innerText(), eventually)
    .toContain('已上传');
}

beforeAll(async () => {
  server = await startE2eServer();
  await decidedPaidCase();
  phone = await openDevice('phone');
  desk = await openDevice('desktop');
  resident = phone.page;
  admin = desk.page;
});

afterEach(() => {
  expect([...phone.takeErrors(), ...desk.takeErrors()], 'page errors').toEqual([]);
});

afterAll(async () => {
  await phone.close();
  await desk.close();
  await server.close();
});

describe('a resident repairs the credit record of a paid fine', () => {
  it('reads the rules and checks the date on a phone', async () => {
    await resident.goto(`${server.baseUrl}/credit`);
    await resident.getByRole('heading', { level: 1 }).waitFor();
    expect(await resident.getByTestId('credit-china-link').getAttribute('href')).toBe(
      'https://www.creditchina.gov.cn',
    );
    await accessible(resident);
    await screen(resident, 'credit-rules');
    // Without the decision number the error stands under that field, tied to it for readers.
    await resident.getByLabel('身份证号码或统一社会信用代码').fill(idNumber);
    await resident.getByRole('button', { name: '查询' }).click();
    const missing = resident.getByTestId('credit-check-decisionNo-error');
    await missing.waitFor();
    expect(await missing.innerText()).toMatch(/不能为空/);
    expect(
      await resident.getByLabel('行政处罚决定书文号').first().getAttribute('aria-describedby'),
    ).toBe('cr-check-no-error');
    // The refusal is the browser's one console error here, and an expected one.
    expect(phone.takeErrors()).toEqual([
      expect.stringMatching(/status of 400 .*\/api\/public\/credit\/check/),
    ]);
    await resident.getByLabel('行政处罚决定书文号').first().fill(decisionNo);
    await resident.getByLabel('身份证号码或统一社会信用代码').fill(idNumber);
    await resident.getByRole('button', { name: '查询' }).click();
    const result = resident.getByTestId('credit-check-result');
    await result.waitFor();
    const [y, m, d] = today().split('-').map(Number);
    expect(await result.innerText()).toContain('轻微失信信息');
    expect(await resident.getByTestId('credit-earliest').innerText()).toContain(
      `${String(y)}年${String(m)}月${String(d)}日`,
    );
    await accessible(resident);
    await screen(resident, 'credit-check');
  });

  it('applies with two of the four materials and gets a private status link', async () => {
    const form = resident.getByTestId('credit-apply-form');
    await form.getByLabel('行政处罚决定书文号').fill(decisionNo);
    await form.getByLabel('当事人姓名').fill('张三丰');
    await form.getByLabel('居民身份证号码').fill(idNumber);
    await form.getByLabel('联系电话（手机）').fill('13912345678');
    await pick(resident, 'application_form');
    await pick(resident, 'identity');
    await resident.getByTestId('credit-agree').check();
    await resident.getByTestId('credit-apply-submit').click();
    const receipt = resident.getByTestId('credit-receipt');
    await receipt.waitFor();
    expect(await receipt.innerText()).toMatch(/XF-[0-9A-Z]{5}-[0-9A-Z]{5}/);
    await screen(resident, 'credit-receipt');
    await receipt.getByRole('link').click();
    await resident.getByTestId('credit-status').waitFor();
    statusUrl = resident.url();
    expect(await resident.getByTestId('credit-status-decision').innerText()).toBe(decisionNo);
    await accessible(resident);
    await screen(resident, 'credit-status-submitted');
  });

  it('is asked by the street admin for the missing materials', async () => {
    await signIn(admin, 'yinhang.admin');
    await admin.goto(`${server.baseUrl}/workbench/credit`);
    await admin.getByTestId('credit-table').getByText(decisionNo).click();
    await admin.getByTestId('credit-step-request_correction').click();
    await admin.getByTestId('credit-step-note').fill('请补充信用修复承诺书和罚款缴纳凭证。');
    await admin.getByTestId('credit-step-submit').click();
    await expect
      .poll(() => admin.getByTestId('credit-detail-status').innerText(), eventually)
      .toBe('需补正材料');
    await screen(admin, 'credit-workbench-correction');
  });

  it('uploads what was asked for from the status page', async () => {
    await resident.goto(statusUrl);
    const correction = resident.getByTestId('credit-correction');
    await correction.waitFor();
    expect(await correction.innerText()).toContain('请补充信用修复承诺书和罚款缴纳凭证。');
    await accessible(resident);
    await screen(resident, 'credit-status-correction');
    await pick(resident, 'commitment_letter');
    await pick(resident, 'performance_proof');
    await resident.getByTestId('credit-resubmit').click();
    await expect
      .poll(() => resident.getByTestId('credit-status-value').innerText(), eventually)
      .toBe('已补正，待审核');
  });

  it('is accepted with reasons and its publication ended by the street admin', async () => {
    await admin.reload();
    await admin.getByTestId('credit-step-accept').click();
    await admin.getByTestId('credit-step-reasons').fill('罚款已缴纳，已作出信用承诺，材料齐全。');
    await admin.getByTestId('credit-step-confirm').check();
    await admin.getByTestId('credit-step-submit').click();
    await admin.getByTestId('credit-step-complete').click();
    await admin.getByTestId('credit-step-submit').click();
    await expect
      .poll(() => admin.getByTestId('credit-detail-status').innerText(), eventually)
      .toBe('已修复，已终止公示');
    await screen(admin, 'credit-workbench-completed');
  });

  it('lets the resident download the result letter naming the decision number', async () => {
    await resident.goto(statusUrl);
    await resident.getByTestId('credit-decision').waitFor();
    await accessible(resident);
    await screen(resident, 'credit-status-completed');
    const download = resident.waitForEvent('download', downloadWait);
    await resident.getByTestId('credit-letter').click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const text = pdfText(readFileSync(file)).replace(/\s+/g, '');
    expect(text).toContain('信用修复结果告知书');
    expect(text).toContain(decisionNo);
    expect(text).toContain('准予信用修复');
    expect(text).toContain('轻微失信信息，不设最短公示期，公示期最长3个月');
  });
});
