import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { defaultPhotoLimits, PhotoRefused, processPhoto } from './image';

const uploads = path.resolve(import.meta.dirname, '../../../test/cases/uploads');

function upload(name: string): Buffer {
  return readFileSync(path.join(uploads, name));
}

async function refusalOf(bytes: Buffer, limits = defaultPhotoLimits): Promise<string> {
  try {
    await processPhoto(bytes, limits);
  } catch (error) {
    if (error instanceof PhotoRefused) {
      return error.reason;
    }
    throw error;
  }
  return 'accepted';
}

// Found in the case files with `strings`: the camera, the artist and the ICC block.
const exifStrings = ['Exif', 'Resident Name', 'EC-1', 'ExampleCam', 'ICC_PROFILE', 'lcms'];
const app1Marker = Buffer.from([0xff, 0xe1]);
const app2Marker = Buffer.from([0xff, 0xe2]);
const eoiMarker = Buffer.from([0xff, 0xd9]);

function solidImage(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } });
}

describe('processPhoto with a phone photo carrying EXIF and GPS', () => {
  const input = upload('photo-exif-gps.jpg');

  it('stores the sideways photo upright as 48 wide by 64 high', async () => {
    const photo = await processPhoto(input, defaultPhotoLimits);

    expect(photo.mime).toBe('image/jpeg');
    expect([photo.width, photo.height]).toEqual([48, 64]);
    const stored = await sharp(photo.bytes).metadata();
    expect([stored.format, stored.width, stored.height]).toEqual(['jpeg', 48, 64]);
  });

  it('keeps no EXIF, GPS, ICC profile or camera and artist names', async () => {
    const photo = await processPhoto(input, defaultPhotoLimits);

    for (const text of exifStrings) {
      expect(input.includes(text), `input should hold ${text}`).toBe(true);
      expect(photo.bytes.includes(text), `output still holds ${text}`).toBe(false);
    }
    expect(photo.bytes.includes(app1Marker)).toBe(false);
    expect(photo.bytes.includes(app2Marker)).toBe(false);
    const stored = await sharp(photo.bytes).metadata();
    expect(stored.exif).toBeUndefined();
    expect(stored.icc).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
  });

  it('reports the SHA-256 of the stored bytes', async () => {
    const photo = await processPhoto(input, defaultPhotoLimits);

    expect(photo.sha256).toBe(createHash('sha256').update(photo.bytes).digest('hex'));
  });
});

describe('processPhoto with a JPEG followed by HTML and PHP', () => {
  const input = upload('polyglot.jpg');
  const trailer = input.subarray(input.indexOf(eoiMarker) + 2).toString('utf8');

  it('accepts the picture and serves none of the trailer', async () => {
    const photo = await processPhoto(input, defaultPhotoLimits);
    const served = photo.bytes.toString('latin1').toLowerCase();

    expect([photo.width, photo.height]).toEqual([64, 48]);
    expect(served).not.toContain('<html');
    expect(served).not.toContain('<?php');
    const lines = trailer.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(photo.bytes.includes(line), `output still holds ${line}`).toBe(false);
    }
  });
});

describe('processPhoto refusals', () => {
  it('refuses the 50000 x 50000 pixel bomb quickly with memory flat', async () => {
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();

    expect(await refusalOf(upload('pixel-bomb.png'))).toBe('photo_too_many_pixels');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses an SVG with an onload script as a refused type', async () => {
    expect(await refusalOf(upload('image-onload.svg'))).toBe('photo_type_refused');
  });

  it('refuses Chinese text named .jpg as not an image', async () => {
    expect(await refusalOf(upload('text-renamed.jpg'))).toBe('photo_not_image');
  });

  it('refuses 11 MiB before decoding, even when it starts like a valid JPEG', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024);
    upload('photo-exif-gps.jpg').copy(big);

    expect(await refusalOf(big)).toBe('photo_too_large');
  });

  it('refuses GIF, PDF and HTML as recognised but not accepted types', async () => {
    const gif = await solidImage(8, 8).gif().toBuffer();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
    const html = Buffer.from('\uFEFF  <!DOCTYPE html><html><body>hi</body></html>');

    expect(await refusalOf(gif)).toBe('photo_type_refused');
    expect(await refusalOf(pdf)).toBe('photo_type_refused');
    expect(await refusalOf(html)).toBe('photo_type_refused');
  });

  it('refuses a JPEG whose image data is cut off as not an image', async () => {
    const whole = await solidImage(64, 64).jpeg().toBuffer();
    const cut = whole.subarray(0, Math.floor(whole.length / 2));

    expect(await refusalOf(cut)).toBe('photo_not_image');
    expect(await refusalOf(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]))).toBe('photo_not_image');
  });

  it('refuses a PNG disguised behind JPEG magic bytes as not an image', async () => {
    const png = await solidImage(8, 8).png().toBuffer();
    const forged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), png]);

    expect(await refusalOf(forged)).toBe('photo_not_image');
  });

  it('applies a lower pixel limit when the caller sets one', async () => {
    const png = await solidImage(100, 100).png().toBuffer();

    expect(await refusalOf(png, { maxBytes: 1024 * 1024, maxPixels: 9_999 })).toBe(
      'photo_too_many_pixels',
    );
  });
});

describe('processPhoto with other accepted formats', () => {
  it('re-encodes PNG and WebP uploads as JPEG', async () => {
    const png = await solidImage(20, 10).png().toBuffer();
    const webp = await solidImage(10, 20).webp().toBuffer();

    const fromPng = await processPhoto(png, defaultPhotoLimits);
    const fromWebp = await processPhoto(webp, defaultPhotoLimits);
    expect([fromPng.width, fromPng.height]).toEqual([20, 10]);
    expect([fromWebp.width, fromWebp.height]).toEqual([10, 20]);
    expect((await sharp(fromWebp.bytes).metadata()).format).toBe('jpeg');
  });

  it('scales the longest side down to 2560 pixels', async () => {
    const wide = await solidImage(3000, 1000).png().toBuffer();

    const photo = await processPhoto(wide, defaultPhotoLimits);
    expect([photo.width, photo.height]).toEqual([2560, 853]);
  });
});
