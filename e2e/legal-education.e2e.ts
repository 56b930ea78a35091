// Legal education (普法, docs/legal-education.md): a liaison writes an article with a picture and a
// planted XSS payload, submits it, the street admin approves it, and a resident on a phone finds it
// by topic, reads it and sees the view count grow. A video item plays inline (the attributes WeChat
// and iOS web views need) and its file answers range requests. In Chromium, against the real app.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Media, StaffItem } from '../src/contract/education.js';
import { json, loginAs, multipartPhoto } from '../test/app.js';
import { buildTinyMp4 } from '../test/fixtures/tiny-mp4.js';
import { seriousAxeViolations } from './support/axe.js';
import { devices, openDevice, type Device } from './support/browser.js';
import { pickOption, screen, signIn } from './support/escalation.js';
import { caseLine, eventually, scrollWidth, textOf, xssRan } from './support/page-checks.js';
import { startE2eServer, type E2eServer } from './support/server.js';

const cases = path.resolve(import.meta.dirname, '../test/cases');
const photo = path.join(cases, 'uploads/photo-exif-gps.jpg');
const onerror = caseLine(path.join(cases, 'xss.jsonl'), 'onerror');
const jsLink = caseLine(path.join(cases, 'xss.jsonl'), '[点击]');
const title = '飞线充电，一根电线连着全楼的安全';

let server: E2eServer;
let liaisonDevice: Device;
let adminDevice: Device;
let phoneDevice: Device;
let liaison: Page;
let admin: Page;
let resident: Page;
let itemUrl = '';

const reached = new Set<'submitted' | 'published'>();
function needs(step: 'submitted' | 'published', skip: (note: string) => never): void {
  if (!reached.has(step)) {
    skip(`the step before did not reach "${step}"`);
  }
}

const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startE2eServer();
  opened.push(server);
  [liaisonDevice, adminDevice, phoneDevice] = await Promise.all([
    openDevice('desktop'),
    openDevice('desktop'),
    openDevice('phone'),
  ]);
  opened.push(liaisonDevice, adminDevice, phoneDevice);
  liaison = liaisonDevice.page;
  admin = adminDevice.page;
  resident = phoneDevice.page;
});

afterEach(() => {
  const errors = [
    ...liaisonDevice.takeErrors(),
    ...adminDevice.takeErrors(),
    ...phoneDevice.takeErrors(),
  ];
  expect(errors, 'page errors and console errors').toEqual([]);
});

afterAll(async () => {
  for (const thing of opened.reverse()) {
    await thing.close();
  }
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await xssRan(page), `xss on ${name}`).toBe(false);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(devices.phone.viewport.width);
}

describe('an article from the liaison to the resident', () => {
  it('lets the liaison write an article with a picture, preview it and submit it', async () => {
    await signIn(liaison, server.baseUrl, 'yinhang.1', server.demo.password);
    await liaison.goto(`${server.baseUrl}/workbench/education`);
    await liaison.getByTestId('education-new').click();
    await liaison.getByTestId('education-title').fill(title);
    await pickOption(liaison, liaison.getByTestId('education-topic'), 'topic-option-flying_wire');
    await liaison.getByTestId('education-summary').fill('私拉电线充电，违法又危险。');
    const body = liaison.getByTestId('education-body-input');
    await body.fill(`## 规定\n\n禁止私拉电线和插座为电动自行车充电。\n\n${onerror}\n\n${jsLink}\n`);
    await liaison
      .getByTestId('education-body-image')
      .locator('input[type=file]')
      .setInputFiles(photo);
    await expect
      .poll(() => body.inputValue(), eventually)
      .toMatch(/!\[\]\(\/api\/public\/education\/media\/\w+\)/);
    await liaison.getByTestId('education-preview').click();
    const preview = liaison.getByTestId('education-preview-html');
    await preview.locator('img').waitFor();
    expect(await textOf(preview)).toContain('<img src=x onerror');
    expect(await xssRan(liaison)).toBe(false);
    await screen(liaison, 'education-01-editor.png');

    await liaison.getByTestId('education-save').click();
    await liaison.waitForURL(/\/workbench\/education\/(?!new)\w+$/);
    itemUrl = liaison.url();
    await liaison.getByTestId('education-submit').click();
    await expect
      .poll(() => textOf(liaison.getByTestId('education-status')), eventually)
      .toBe('待审核');
    await screen(liaison, 'education-02-submitted.png');
    reached.add('submitted');
  });

  it('lets the street admin of the street approve and publish it', async ({ skip }) => {
    needs('submitted', skip);
    await signIn(admin, server.baseUrl, 'yinhang.admin', server.demo.password);
    await admin.goto(itemUrl);
    await admin.getByTestId('education-approve').click();
    await expect
      .poll(() => textOf(admin.getByTestId('education-status')), eventually)
      .toBe('已发布');
    expect(await xssRan(admin)).toBe(false);
    await screen(admin, 'education-03-approved.png');
    reached.add('published');
  });

  it('lets a resident on a phone filter by topic, open the article and count the view', async ({
    skip,
  }) => {
    needs('published', skip);
    await resident.goto(`${server.baseUrl}/learn`);
    await resident.getByTestId('topic-flying_wire').click();
    await resident.waitForURL(/topic=flying_wire/);
    const row = resident.getByTestId('learn-item').filter({ hasText: title });
    await row.waitFor();
    await expectAccessible(resident, '/learn');
    await screen(resident, 'education-04-list-phone.png');

    await row.getByRole('link', { name: title }).click();
    const shown = resident.getByTestId('education-body');
    await shown.waitFor();
    await expect.poll(() => textOf(resident.getByTestId('view-count')), eventually).toBe('阅读 1');
    const picture = shown.locator('img');
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth), eventually)
      .toBe(48);
    expect(await shown.locator('a[href^="javascript"]').count()).toBe(0);
    await expectAccessible(resident, '/learn/:id');
    await screen(resident, 'education-05-article-phone.png');

    await resident.reload();
    await expect.poll(() => textOf(resident.getByTestId('view-count')), eventually).toBe('阅读 2');
    expect(await xssRan(resident)).toBe(false);
  });
});

async function upload(cookie: string, kind: 'images' | 'videos', bytes: Buffer, name: string) {
  const body = multipartPhoto(bytes, name, kind === 'videos' ? 'video/mp4' : 'image/jpeg');
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/staff/education/${kind}`,
    headers: { ...body.headers, cookie },
    payload: body.payload,
  });
  return json<Media>(res);
}

/** A published 微视频 made through the API, as the editor would make it. */
async function publishedVideo(): Promise<StaffItem> {
  const author = await loginAs(server.app, 'yinhang.2', server.demo.password);
  const reviewer = await loginAs(server.app, 'yinhang.admin', server.demo.password);
  const { readFile } = await import('node:fs/promises');
  const video = await upload(author, 'videos', buildTinyMp4(), 'clip.mp4');
  const poster = await upload(author, 'images', await readFile(photo), 'poster.jpg');
  const created = await server.app.inject({
    method: 'POST',
    url: '/api/staff/education/items',
    headers: { cookie: author },
    payload: {
      kind: 'video',
      title: '一分钟看懂飞线充电',
      topic: 'flying_wire',
      videoId: video.id,
      posterId: poster.id,
    },
  });
  const item = json<StaffItem>(created);
  for (const [step, cookie] of [
    ['submit', author],
    ['approve', reviewer],
  ] as const) {
    await server.app.inject({
      method: 'POST',
      url: `/api/staff/education/items/${item.id}/${step}`,
      headers: { cookie },
    });
  }
  return item;
}

describe('a video item on a phone', () => {
  it('plays inline with its poster, and its file answers a range request with 206', async () => {
    const item = await publishedVideo();
    await resident.goto(`${server.baseUrl}/learn/${item.id}`);
    const video = resident.getByTestId('education-video');
    await video.waitFor();
    const attributes = await video.evaluate((v) =>
      Object.fromEntries(
        [
          'poster',
          'controls',
          'playsinline',
          'webkit-playsinline',
          'x5-playsinline',
          'x5-video-player-type',
          'preload',
        ].map((name) => [name, v.getAttribute(name)]),
      ),
    );
    expect(attributes).toMatchObject({
      controls: '',
      playsinline: '',
      'webkit-playsinline': 'true',
      'x5-playsinline': 'true',
      'x5-video-player-type': 'h5',
      preload: 'metadata',
    });
    expect(attributes.poster).toMatch(/^\/api\/public\/education\/media\/\w+$/);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), eventually)
      .toBeGreaterThanOrEqual(1);
    const src = await video.getAttribute('src');
    const ranged = await resident.request.get(`${server.baseUrl}${src ?? ''}`, {
      headers: { range: 'bytes=0-99' },
    });
    expect(ranged.status()).toBe(206);
    expect((await ranged.body()).length).toBe(100);
    await expectAccessible(resident, 'video item');
    await screen(resident, 'education-06-video-phone.png');
  });
});

describe('the public events list', () => {
  it('shows a published 7·15 open day with its place, date, attendance and photo', async () => {
    const cookie = await loginAs(server.app, 'yinhang.admin', server.demo.password);
    const { readFile } = await import('node:fs/promises');
    const pic = await upload(cookie, 'images', await readFile(photo), 'open-day.jpg');
    await server.app.inject({
      method: 'POST',
      url: '/api/staff/education/events',
      headers: { cookie },
      payload: {
        kind: 'open_day',
        title: '7·15 城管公众开放日',
        place: '城管社区工作室',
        date: '2025-07-15',
        attendance: 80,
        photoIds: [pic.id],
        published: true,
      },
    });
    await resident.goto(`${server.baseUrl}/learn/events`);
    const event = resident.getByTestId('learn-event');
    await event.waitFor();
    const text = await textOf(event);
    expect(text).toContain('2025-07-15');
    expect(text).toContain('80 人');
    expect(text).toContain('城管社区工作室');
    await event.locator('img').waitFor();
    await expectAccessible(resident, '/learn/events');
    await screen(resident, 'education-07-events-phone.png');
  });
});
