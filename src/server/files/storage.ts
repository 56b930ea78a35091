import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Where photo bytes live, addressed only by keys the server generated. */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

/** Thrown when a storage key was not made by newStorageKey. */
export class StorageKeyRefused extends Error {
  /** Builds the refusal without echoing the hostile key into the message. */
  constructor() {
    super('storage key does not match the generated pattern');
    this.name = 'StorageKeyRefused';
  }
}

/** The one shape a key may have: two hex characters, a slash, thirty more. */
export const storageKeyPattern = /^[0-9a-f]{2}\/[0-9a-f]{30}$/;

/** Makes a random 128-bit key, sharded by its first byte so no directory grows too large. */
export function newStorageKey(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 2)}/${hex.slice(2)}`;
}

/** Stores files under a root directory, one file per key, written atomically. */
export class LocalFileStorage implements FileStorage {
  /** Uses `root` as the base directory; it is created on the first write. */
  constructor(private readonly root: string) {}

  /** Writes the bytes to a temporary file beside the target, syncs it, then renames it. */
  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathFor(key);
    const temp = `${target}.${randomBytes(8).toString('hex')}.tmp`;
    await mkdir(path.dirname(target), { recursive: true });

    try {
      await writeSynced(temp, bytes);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(path.dirname(target));
  }

  /** Reads the bytes stored under the key, or null when nothing is stored there. */
  async get(key: string): Promise<Buffer | null> {
    const target = this.pathFor(key);
    try {
      return await readFile(target);
    } catch (error) {
      if (isMissing(error)) {
        return null;
      }
      throw error;
    }
  }

  /** Removes the file stored under the key; a missing file is not an error. */
  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }

  private pathFor(key: string): string {
    if (!storageKeyPattern.test(key)) {
      throw new StorageKeyRefused();
    }
    return path.join(this.root, key);
  }
}

async function writeSynced(file: string, bytes: Buffer): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// Syncing the directory makes the rename itself durable; some platforms refuse to
// open a directory for syncing, and the file content is already safe by then.
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    return;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

const maxNameCodePoints = 120;

// Control characters, bidi embeddings/overrides/isolates and zero-width characters
// can disguise an extension ('photo\u202Egpj.exe') or split a header line.
const invisibleChars = /[\p{Cc}\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Reduces an uploaded file's name to a short, visible base name, or 'photo' if none is left. */
export function safeOriginalName(name: string): string {
  const visible = name
    .replace(loneSurrogates, '\uFFFD')
    .normalize('NFC')
    .replace(invisibleChars, '');
  const parts = visible.split(/[/\\]/).filter((part) => part.trim() !== '');
  const base = (parts.at(-1) ?? '').trim();
  const short = Array.from(base).slice(0, maxNameCodePoints).join('').trim();

  if (short === '' || /^\.+$/.test(short)) {
    return 'photo';
  }
  return short;
}

// RFC 5987 attr-char excludes these, though encodeURIComponent leaves them alone.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

// The fallback is for old clients only: printable ASCII without quote, backslash,
// slash or percent (some agents percent-decode the plain filename parameter).
function asciiFallback(name: string): string {
  const ascii = name.replace(/[^\x20-\x7E]+/g, '_').replace(/["\\%/]/g, '');
  return ascii.trim() === '' ? 'photo' : ascii;
}

/** Builds an RFC 6266 inline Content-Disposition value with an RFC 5987 UTF-8 name. */
export function contentDispositionInline(originalName: string): string {
  const name = safeOriginalName(originalName);
  return `inline; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
