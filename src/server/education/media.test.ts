import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Media, StaffItem } from '../../contract/education';
import { json, loginAs, multipartPhoto, startTestApp, type TestApp } from '../../../test/app';
import { buildTinyMp4 } from '../../../test/fixtures/tiny-mp4';

let t: TestApp;
let liaison: string;
let streetAdmin: string;

beforeEach(async () => {
  t = await startTestApp();
  liaison = await loginAs(t.app, 'yinhang.1');
  streetAdmin = await loginAs(t.app, 'yinhang.admin');
});

afterEach(async () => {
  await t.close();
});

async function upload(path: string, bytes: Buffer, name: string, mime: string, cookie = liaison) {
  const body = multipartPhoto(bytes, name, mime);
  return t.app.inject({
    method: 'POST',
    url: `/api/staff/education/${path}`,
    headers: { ...body.headers, cookie },
    payload: body.payload,
  });
}

async function picture(): Promise<Media> {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#37a' } })
    .png()
    .toBuffer();
  const res = await upload('images', png, '海报.png', 'image/png');
  expect(res.statusCode, res.body).toBe(201);
  return json<Media>(res);
}

async function videoItem(): Promise<{ item: StaffItem; video: Media; mp4: Buffer }> {
  const mp4 = buildTinyMp4();
  const video = json<Media>(await upload('videos', mp4, 'clip.mp4', 'video/mp4'));
  const poster = await picture();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/staff/education/items',
    headers: { cookie: liaison },
    payload: {
      kind: 'video',
      title: '飞线充电危害大',
      topic: 'flying_wire',
      videoId: video.id,
      posterId: poster.id,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { item: json<StaffItem>(res), video, mp4 };
}

function get(url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers });
}

async function publish(id: string) {
  await t.app.inject({
    method: 'POST',
    url: `/api/staff/education/items/${id}/submit`,
    headers: { cookie: liaison },
  });
  await t.app.inject({
    method: 'POST',
    url: `/api/staff/education/items/${id}/approve`,
    headers: { cookie: streetAdmin },
  });
}

describe('education pictures', () => {
  it('re-encodes an uploaded picture as JPEG through the photo pipeline', async () => {
    const media = await picture();
    expect([media.kind, media.width, media.height]).toEqual(['image', 40, 30]);
    expect(media.markdown).toBe(`![](${media.url})`);
    const served = await get(media.url, { cookie: liaison });
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(served.rawPayload).metadata()).format).toBe('jpeg');
  });

  it('refuses an SVG as a picture, naming the file field', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const res = await upload('images', svg, 'x.svg', 'image/svg+xml');
    expect(res.statusCode).toBe(415);
    expect(json(res)).toMatchObject({ error: 'photo_type_refused', details: [{ field: 'file' }] });
  });
});

describe('education videos', () => {
  it('accepts an H.264 MP4 and reads its picture size', async () => {
    const res = await upload('videos', buildTinyMp4(), 'clip.mp4', 'video/mp4');
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Media>(res)).toMatchObject({ kind: 'video', width: 32, height: 32 });
  });

  it('refuses a QuickTime movie, an HEVC MP4 and a picture, naming the file field', async () => {
    const mov = await upload('videos', buildTinyMp4({ brand: 'qt  ' }), 'a.mov', 'video/quicktime');
    expect([mov.statusCode, json(mov).error]).toEqual([415, 'video_type_refused']);
    expect(json(mov).details).toEqual([
      { field: 'file', message: '只接受 MP4 视频', messageEn: 'Only MP4 videos are accepted' },
    ]);
    const hevc = await upload(
      'videos',
      buildTinyMp4({ sampleEntry: 'hvc1' }),
      'b.mp4',
      'video/mp4',
    );
    expect(json(hevc).error).toBe('video_codec_refused');
    const jpeg = await upload(
      'videos',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]),
      'c.mp4',
      'video/mp4',
    );
    expect(json(jpeg).error).toBe('video_type_refused');
  });

  it('refuses a video larger than the setting with the limit in the message', async () => {
    t.ctx.education.videoMaxBytes = 2 * 1024 * 1024;
    const big = Buffer.concat([buildTinyMp4(), Buffer.alloc(3 * 1024 * 1024)]);
    const res = await upload('videos', big, 'big.mp4', 'video/mp4');
    expect(res.statusCode).toBe(413);
    expect(json(res).details).toEqual([
      { field: 'file', message: '视频不能超过 2 MB', messageEn: 'the video may be at most 2 MB' },
    ]);
  });

  it('keeps pictures to the photo limit while videos may be larger', async () => {
    const big = Buffer.concat([buildTinyMp4(), Buffer.alloc(11 * 1024 * 1024)]);
    const res = await upload('images', big, 'big.jpg', 'image/jpeg');
    expect([res.statusCode, json(res).error]).toEqual([413, 'payload_too_large']);
  });
});

describe('serving media', () => {
  it('hides the files of a draft from the public; staff preview them uncached', async () => {
    const { video } = await videoItem();
    expect((await get(video.url)).statusCode).toBe(404);
    const otherStreet = await loginAs(t.app, 'dinghai.admin');
    expect((await get(video.url, { cookie: otherStreet })).statusCode).toBe(404);
    const preview = await get(video.url, { cookie: streetAdmin });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['cache-control']).toBe('private, no-store');
  });

  it('answers a range with 206 and exactly those bytes once published', async () => {
    const { item, video, mp4 } = await videoItem();
    await publish(item.id);
    const res = await get(video.url, { range: 'bytes=100-299' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 100-299/${mp4.length}`);
    expect(res.headers['content-length']).toBe('200');
    expect(res.rawPayload.equals(mp4.subarray(100, 300))).toBe(true);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('public, max-age=600');
  });

  it('answers the last bytes, an open range and the whole file', async () => {
    const { item, video, mp4 } = await videoItem();
    await publish(item.id);
    const tail = await get(video.url, { range: 'bytes=-10' });
    expect(tail.rawPayload.equals(mp4.subarray(mp4.length - 10))).toBe(true);
    const open = await get(video.url, { range: `bytes=${mp4.length - 4}-` });
    expect(open.headers['content-range']).toBe(
      `bytes ${mp4.length - 4}-${mp4.length - 1}/${mp4.length}`,
    );
    const whole = await get(video.url);
    expect([whole.statusCode, whole.rawPayload.length]).toEqual([200, mp4.length]);
  });

  it('answers 416 with the size for a range past the end', async () => {
    const { item, video, mp4 } = await videoItem();
    await publish(item.id);
    const res = await get(video.url, { range: `bytes=${mp4.length}-${mp4.length + 10}` });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${mp4.length}`);
    expect(json(res).error).toBe('range_not_satisfiable');
  });

  it('stops serving the files of an item that was taken down', async () => {
    const { item, video } = await videoItem();
    await publish(item.id);
    expect((await get(video.url)).statusCode).toBe(200);
    await t.app.inject({
      method: 'POST',
      url: `/api/staff/education/items/${item.id}/unpublish`,
      headers: { cookie: streetAdmin },
      payload: { reason: '更换视频' },
    });
    expect((await get(video.url)).statusCode).toBe(404);
  });

  it('refuses a file another officer uploaded, or one already used', async () => {
    const { video } = await videoItem();
    const colleague = await loginAs(t.app, 'yinhang.2');
    const theirs = await picture();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/education/items',
      headers: { cookie: colleague },
      payload: {
        kind: 'video',
        title: '复用',
        topic: 'flying_wire',
        videoId: video.id,
        posterId: theirs.id,
      },
    });
    expect(json<{ details: { field: string }[] }>(res).details.map((d) => d.field)).toEqual([
      'videoId',
      'posterId',
    ]);
  });
});
