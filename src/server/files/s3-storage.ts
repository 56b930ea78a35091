// Photo and media bytes on S3-compatible object storage (AWS S3, MinIO, Ceph RGW, the object
// storage of the government cloud), so that every app instance behind a load balancer reads the
// files any of them wrote. Objects are named by the generated storage keys only.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { StorageKeyRefused, storageKeyPattern, type FileStorage } from './storage.js';

/** Where the bucket is and how to sign for it (FILE_STORAGE=s3 and the S3_* settings). */
export interface S3StorageSettings {
  /** The service's base URL; null for AWS S3 itself, found from the region. */
  endpoint: string | null;
  region: string;
  bucket: string;
  /** Both null: the SDK's own credential chain (instance role, AWS_* variables). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible services need. */
  forcePathStyle: boolean;
  /** Put before every key, e.g. `linli/`, when the bucket is shared with other data. */
  prefix: string;
}

/** A start-time check of the bucket failed; the message names the setting to look at. */
export class S3StorageUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'S3StorageUnavailable';
  }
}

interface SdkFailure {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

function statusOf(error: unknown): number | undefined {
  return (error as SdkFailure | null)?.$metadata?.httpStatusCode;
}

// A missing bucket also answers 404, but that is a configuration error, never "no such file".
function isMissingObject(error: unknown): boolean {
  const name = (error as SdkFailure | null)?.name;
  if (name === 'NoSuchBucket') {
    return false;
  }
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404;
}

/** Stores each file as one object of the bucket, named by the prefix and the storage key. */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  /** Builds the client; nothing is sent until the first call. */
  constructor(private readonly settings: S3StorageSettings) {
    const { accessKeyId, secretAccessKey } = settings;
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      // Many S3-compatible services reject the newer default CRC32 checksum headers; the
      // SigV4 payload hash already protects the bytes in transit.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
  }

  /** Writes the object in one PUT; S3 makes it visible whole or not at all. */
  async put(key: string, bytes: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.objectKey(key),
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  /** Reads the object's bytes, or null when the bucket holds no object under the key. */
  async get(key: string): Promise<Buffer | null> {
    const objectKey = this.objectKey(key);
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: objectKey }),
      );
      return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (error) {
      if (isMissingObject(error)) {
        return null;
      }
      throw error;
    }
  }

  /** Removes the object; S3 answers a delete of a missing object as done, and so does this. */
  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
    );
  }

  /** Asks for the bucket once at start, so a wrong setting stops the start, not an upload. */
  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.settings.bucket }));
    } catch (error) {
      throw new S3StorageUnavailable(describeCheckFailure(error, this.settings), { cause: error });
    }
  }

  /** Closes the client's sockets. */
  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    if (!storageKeyPattern.test(key)) {
      throw new StorageKeyRefused();
    }
    return `${this.settings.prefix}${key}`;
  }
}

/** Why the bucket check failed, naming the setting an operator should correct. */
function describeCheckFailure(error: unknown, settings: S3StorageSettings): string {
  const status = statusOf(error);
  const where = settings.endpoint ?? `AWS S3 (${settings.region})`;
  if (status === 404) {
    return `S3_BUCKET: bucket "${settings.bucket}" does not exist at ${where} / 存储桶不存在`;
  }
  if (status === 401 || status === 403) {
    return (
      `S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: ${where} refused access to bucket ` +
      `"${settings.bucket}" (HTTP ${status}) / 对象存储拒绝访问`
    );
  }
  if (status !== undefined) {
    return `S3_ENDPOINT: ${where} answered HTTP ${status} for bucket "${settings.bucket}"`;
  }
  const failure = error as (SdkFailure & Error) | null;
  const reason = failure?.code ?? failure?.name ?? 'error';
  return `S3_ENDPOINT: cannot reach ${where} (${reason}) / 无法连接对象存储`;
}
