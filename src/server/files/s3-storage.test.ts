import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeS3, type FakeS3 } from '../../../test/s3-fake.js';
import { ConfigError, loadConfig } from '../config.js';
import { S3FileStorage, type S3StorageSettings } from './s3-storage.js';
import { newStorageKey, StorageKeyRefused } from './storage.js';

let s3: FakeS3;

beforeAll(async () => {
  s3 = await startFakeS3('linli-files');
});

afterAll(async () => {
  await s3.close();
});

beforeEach(() => {
  s3.requests.length = 0;
  s3.objects.clear();
  s3.refuseWith = null;
});

function settings(overrides: Partial<S3StorageSettings> = {}): S3StorageSettings {
  return {
    endpoint: s3.endpoint,
    region: 'cn-east-2',
    bucket: 'linli-files',
    accessKeyId: 'LINLITESTKEY',
    secretAccessKey: 'test-secret-not-real',
    forcePathStyle: true,
    prefix: 'linli/',
    ...overrides,
  };
}

/** SigV4 as the SDK writes it: the key id, the day, the region, the signed headers, 64 hex. */
const sigV4 = new RegExp(
  '^AWS4-HMAC-SHA256 Credential=LINLITESTKEY/\\d{8}/cn-east-2/s3/aws4_request, ' +
    'SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-content-sha256;x-amz-date[a-z0-9;-]*, ' +
    'Signature=[0-9a-f]{64}$',
);

describe('files on S3-compatible storage', () => {
  it('stores the bytes under the prefix and the key, and reads back the same bytes', async () => {
    const storage = new S3FileStorage(settings());
    const key = newStorageKey();
    const bytes = randomBytes(70_000);

    await storage.put(key, bytes);
    const back = await storage.get(key);

    expect(back?.equals(bytes)).toBe(true);
    expect([...s3.objects.keys()]).toEqual([`linli/${key}`]);
    expect(s3.objects.get(`linli/${key}`)?.equals(bytes)).toBe(true);
    expect(s3.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /linli-files/linli/${key}`,
      `GET /linli-files/linli/${key}`,
    ]);
    storage.close();
  });

  it('signs every request with SigV4 and the SHA-256 of the bytes it sends', async () => {
    const storage = new S3FileStorage(settings());
    const key = newStorageKey();
    await storage.put(key, Buffer.from('照片的字节'));
    await storage.get(key);
    await storage.delete(key);

    expect(s3.requests).toHaveLength(3);
    for (const request of s3.requests) {
      expect(request.authorization).toMatch(sigV4);
      expect(request.amzDate).toMatch(/^\d{8}T\d{6}Z$/);
      expect(request.contentSha256).toBe(request.bodySha256);
    }
    const put = s3.requests[0];
    expect(put?.bodySha256).not.toBe(s3.requests[1]?.bodySha256);
    storage.close();
  });

  it('answers null for a key the bucket does not hold, also after a delete', async () => {
    const storage = new S3FileStorage(settings());
    const key = newStorageKey();
    expect(await storage.get(newStorageKey())).toBeNull();

    await storage.put(key, Buffer.from([1, 2, 3]));
    await storage.delete(key);
    await storage.delete(key);

    expect(await storage.get(key)).toBeNull();
    expect(s3.objects.size).toBe(0);
    storage.close();
  });

  it('refuses a key it did not generate without sending anything', async () => {
    const storage = new S3FileStorage(settings());
    await expect(storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(
      StorageKeyRefused,
    );
    await expect(storage.get('ab/../../secret')).rejects.toThrow(StorageKeyRefused);
    expect(s3.requests).toHaveLength(0);
    storage.close();
  });

  it('throws, rather than answering null, when the bucket is missing', async () => {
    const storage = new S3FileStorage(settings({ bucket: 'no-such-bucket' }));
    await expect(storage.get(newStorageKey())).rejects.toThrow();
    storage.close();
  });
});

describe('the start-time check of the bucket', () => {
  it('passes for a bucket that exists', async () => {
    const storage = new S3FileStorage(settings());
    await expect(storage.check()).resolves.toBeUndefined();
    expect(s3.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /linli-files/']);
    storage.close();
  });

  it('names S3_BUCKET when the bucket does not exist', async () => {
    const storage = new S3FileStorage(settings({ bucket: 'wrong-bucket' }));
    await expect(storage.check()).rejects.toThrow(/^S3_BUCKET: bucket "wrong-bucket" does not/);
    storage.close();
  });

  it('names the access key settings when the service refuses the signature', async () => {
    s3.refuseWith = 403;
    const storage = new S3FileStorage(settings());
    await expect(storage.check()).rejects.toThrow(/^S3_ACCESS_KEY_ID \/ S3_SECRET_ACCESS_KEY/);
    storage.close();
  });

  it('names S3_ENDPOINT when nothing answers there', async () => {
    const storage = new S3FileStorage(settings({ endpoint: 'http://127.0.0.1:9' }));
    await expect(storage.check()).rejects.toThrow(/^S3_ENDPOINT: cannot reach/);
    storage.close();
  });
});

describe('the file storage settings', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-s3-config-'));
  const base = { DATA_DIR: dataDir, FILE_STORAGE: 's3' };

  function problems(env: Record<string, string>): string {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) {
        return error.message;
      }
      throw error;
    }
    return '';
  }

  it('keep files in the data directory by default', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).fileStorage).toEqual({ kind: 'local' });
  });

  it('read every S3 setting, with path-style URLs for an own endpoint', () => {
    const config = loadConfig({
      ...base,
      S3_ENDPOINT: 'https://oss.example.gov.cn',
      S3_REGION: 'cn-east-2',
      S3_BUCKET: 'linli-prod',
      S3_ACCESS_KEY_ID: 'AKID',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PREFIX: 'yangpu/',
    });
    expect(config.fileStorage).toEqual({
      kind: 's3',
      endpoint: 'https://oss.example.gov.cn',
      region: 'cn-east-2',
      bucket: 'linli-prod',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      forcePathStyle: true,
      prefix: 'yangpu/',
    });
  });

  it('use virtual-hosted URLs on AWS itself unless told otherwise', () => {
    const config = loadConfig({ ...base, S3_BUCKET: 'linli-prod' });
    expect(config.fileStorage).toMatchObject({ endpoint: null, forcePathStyle: false });
  });

  it('name S3_BUCKET when FILE_STORAGE=s3 has none', () => {
    expect(problems(base)).toContain('S3_BUCKET: required when FILE_STORAGE=s3');
  });

  it('name the missing half of the access key pair', () => {
    const message = problems({ ...base, S3_BUCKET: 'linli-prod', S3_ACCESS_KEY_ID: 'AKID' });
    expect(message).toContain('S3_SECRET_ACCESS_KEY: required together with S3_ACCESS_KEY_ID');
    expect(message).not.toContain('S3_ACCESS_KEY_ID: required');
  });

  it('name a malformed endpoint, bucket, prefix or storage kind', () => {
    const message = problems({
      ...base,
      S3_ENDPOINT: 'ftp://oss.example',
      S3_BUCKET: 'Linli_Files',
      S3_PREFIX: 'no-slash',
    });
    expect(message).toContain('S3_ENDPOINT');
    expect(message).toContain('S3_BUCKET: must be a bucket name');
    expect(message).toContain('S3_PREFIX: must be empty or end with a slash');
    expect(problems({ DATA_DIR: dataDir, FILE_STORAGE: 'nfs' })).toContain('FILE_STORAGE');
  });
});
