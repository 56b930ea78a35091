import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contentDispositionInline,
  LocalFileStorage,
  newStorageKey,
  safeOriginalName,
  StorageKeyRefused,
  storageKeyPattern,
} from './storage';

const cases = path.resolve(import.meta.dirname, '../../../test/cases');

const hostileNames: string[] = readFileSync(path.join(cases, 'filenames.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as string);

const controlChars = /\p{Cc}/u;
const hiddenChars = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;
const headerShape = /^inline; filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/;

describe('safeOriginalName over the hostile file names', () => {
  it('reads every case line', () => {
    expect(hostileNames.length).toBeGreaterThanOrEqual(12);
  });

  it.each(hostileNames)('keeps a short, visible base name for %j', (name) => {
    const safe = safeOriginalName(name);

    expect(safe).not.toMatch(/[/\\]/);
    expect(safe).not.toBe('..');
    expect(safe).not.toBe('.');
    expect(safe).not.toMatch(controlChars);
    expect(safe).not.toMatch(hiddenChars);
    expect(Array.from(safe).length).toBeLessThanOrEqual(120);
    expect(safe.length).toBeGreaterThan(0);
  });

  it('keeps only the last part of Unix and Windows paths', () => {
    expect(safeOriginalName('../../etc/passwd')).toBe('passwd');
    expect(safeOriginalName('..\\..\\win.ini')).toBe('win.ini');
    expect(safeOriginalName('/absolute/path.jpg')).toBe('path.jpg');
  });

  it('shows the real extension once the right-to-left override is gone', () => {
    expect(safeOriginalName('照片\u202Egpj.exe')).toBe('照片gpj.exe');
  });

  it('keeps an ordinary Chinese name as it is', () => {
    expect(safeOriginalName('正常的照片.JPG')).toBe('正常的照片.JPG');
  });

  it('falls back to photo when nothing visible is left', () => {
    expect(safeOriginalName('../..')).toBe('photo');
    expect(safeOriginalName('\u200B\u202E\r\n')).toBe('photo');
    expect(safeOriginalName('')).toBe('photo');
  });

  it('cuts long names at 120 code points without splitting a character', () => {
    const safe = safeOriginalName('😀'.repeat(200));

    expect(Array.from(safe)).toHaveLength(120);
    expect(safe).toBe('😀'.repeat(120));
  });
});

describe('contentDispositionInline over the hostile file names', () => {
  it.each(hostileNames)('builds a single safe header line for %j', (name) => {
    const header = contentDispositionInline(name);

    expect(header).not.toMatch(/[\r\n]/);
    const match = headerShape.exec(header);
    expect(match, header).not.toBeNull();
    const fallback = match?.[1] ?? '';
    expect(fallback).toMatch(/^[\x20-\x7E]+$/);
    expect(fallback).not.toMatch(/["\\/]/);
    expect(decodeURIComponent(match?.[2] ?? '')).toBe(safeOriginalName(name));
  });

  it('gives old clients an ASCII name and new clients the UTF-8 one', () => {
    expect(contentDispositionInline('正常的照片.JPG')).toBe(
      'inline; filename="_.JPG"; ' +
        "filename*=UTF-8''%E6%AD%A3%E5%B8%B8%E7%9A%84%E7%85%A7%E7%89%87.JPG",
    );
    expect(contentDispositionInline('quote".jpg')).toBe(
      'inline; filename="quote.jpg"; filename*=UTF-8\'\'quote%22.jpg',
    );
  });
});

describe('newStorageKey', () => {
  it('makes distinct sharded 128-bit hex keys', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newStorageKey()));

    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(key).toMatch(storageKeyPattern);
    }
  });
});

describe('LocalFileStorage', () => {
  let root = '';

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'linli-files-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('returns the same bytes it stored and leaves no temporary file', async () => {
    const storage = new LocalFileStorage(root);
    const key = newStorageKey();
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x42]);

    await storage.put(key, bytes);
    expect(await storage.get(key)).toEqual(bytes);
    const shard = await readdir(path.join(root, key.slice(0, 2)));
    expect(shard).toEqual([key.slice(3)]);
  });

  it('replaces the content when the same key is written again', async () => {
    const storage = new LocalFileStorage(root);
    const key = newStorageKey();

    await storage.put(key, Buffer.from('first'));
    await storage.put(key, Buffer.from('second'));
    expect((await storage.get(key))?.toString()).toBe('second');
  });

  it('answers null for a key that holds nothing', async () => {
    const storage = new LocalFileStorage(root);

    expect(await storage.get(newStorageKey())).toBeNull();
  });

  it('forgets a deleted file and tolerates deleting it twice', async () => {
    const storage = new LocalFileStorage(root);
    const key = newStorageKey();

    await storage.put(key, Buffer.from('x'));
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it.each([
    '../../etc/passwd',
    '/etc/passwd',
    'ab/../../../../etc/passwd',
    'ab\\cdef0123456789abcdef0123456789',
    'AB/CDEF0123456789ABCDEF0123456789',
    'ab/cdef0123456789abcdef0123456789\n',
    'abcdef0123456789abcdef0123456789',
    '',
  ])('refuses the hostile key %j for put, get and delete', async (key) => {
    const storage = new LocalFileStorage(root);

    await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(StorageKeyRefused);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageKeyRefused);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(StorageKeyRefused);
    expect(await readdir(root)).toEqual([]);
  });
});
