import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { assertStorageKey } from './files.ts';
import type { StorageSettings } from './storage.ts';
import {
  assertMediaKey,
  contentTypeOf,
  IMMUTABLE,
  type MediaObject,
  type MediaStorage,
  StorageError,
  type StoredFile,
} from './storage-kit.ts';

type Sdk = typeof import('@aws-sdk/client-s3');

/**
 * An S3-compatible bucket (AWS, MinIO, R2, Ceph): `<S3_PREFIX><storageKey>/<file>`,
 * each object with its Content-Type and the immutable Cache-Control, so a CDN
 * in front of the bucket (MEDIA_BASE_URL) can serve it as it is. The SDK is
 * loaded on first use: installs on local disk never pay for it.
 */
export class S3Storage implements MediaStorage {
  readonly kind = 's3';
  private readonly prefix: string;
  private client?: Promise<{ sdk: Sdk; s3: S3Client }>;

  constructor(
    private readonly settings: StorageSettings,
    private readonly onClose: () => void = () => {},
  ) {
    const p = settings.s3Prefix.replace(/^\/+|\/+$/g, '');
    this.prefix = p ? `${p}/` : '';
  }

  get location(): string {
    return `s3://${this.settings.s3Bucket}/${this.prefix}`;
  }

  private connect(): Promise<{ sdk: Sdk; s3: S3Client }> {
    this.client ??= (async () => {
      // The SDK warns on Node 20 at its first client; Warta supports Node 20, so the warning is noise.
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
      const mod = await import('@aws-sdk/client-s3');
      // The bundle (scripts/build.mjs) turns this CommonJS package into a chunk whose
      // exports are all on `default`; Node's own loader also names them.
      const sdk = ('S3Client' in mod ? mod : (mod as { default: Sdk }).default) as Sdk;
      const s = this.settings;
      const s3 = new sdk.S3Client({
        region: s.s3Region,
        ...(s.s3Endpoint ? { endpoint: s.s3Endpoint } : {}),
        forcePathStyle: s.s3ForcePathStyle,
        // Without both keys the SDK's own chain answers (environment, profile, instance role).
        ...(s.s3AccessKeyId && s.s3SecretAccessKey
          ? {
              credentials: {
                accessKeyId: s.s3AccessKeyId,
                secretAccessKey: s.s3SecretAccessKey,
              },
            }
          : {}),
        // An endpoint that does not answer must fail in seconds, not hang a request or a migration.
        requestHandler: { connectionTimeout: 5000, requestTimeout: 60_000 },
        maxAttempts: 3,
      });
      return { sdk, s3 };
    })();
    return this.client;
  }

  private key(key: string): string {
    assertMediaKey(key);
    return `${this.prefix}${key}`;
  }

  async put(key: string, body: Buffer, contentType = contentTypeOf(key)): Promise<void> {
    const { sdk, s3 } = await this.connect();
    await s3.send(
      new sdk.PutObjectCommand({
        Bucket: this.settings.s3Bucket,
        Key: this.key(key),
        Body: body,
        ContentLength: body.length,
        ContentType: contentType,
        CacheControl: IMMUTABLE,
      }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    const { sdk, s3 } = await this.connect();
    try {
      const res = await s3.send(
        new sdk.GetObjectCommand({ Bucket: this.settings.s3Bucket, Key: this.key(key) }),
      );
      return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (err) {
      if (status(err) === 404) return null;
      throw err;
    }
  }

  async open(
    key: string,
    opts: { ifNoneMatch?: string; headOnly?: boolean } = {},
  ): Promise<MediaObject | null> {
    const { sdk, s3 } = await this.connect();
    const input = {
      Bucket: this.settings.s3Bucket,
      Key: this.key(key),
      ...(opts.ifNoneMatch ? { IfNoneMatch: opts.ifNoneMatch } : {}),
    };
    try {
      const res = await s3.send(
        opts.headOnly ? new sdk.HeadObjectCommand(input) : new sdk.GetObjectCommand(input),
      );
      return {
        body: 'Body' in res ? (res.Body as Readable) : undefined,
        contentType: res.ContentType ?? contentTypeOf(key),
        size: res.ContentLength,
        etag: res.ETag,
      };
    } catch (err) {
      if (status(err) === 304) return { notModified: true, etag: opts.ifNoneMatch ?? '' };
      if (status(err) === 404) return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    const { sdk, s3 } = await this.connect();
    try {
      await s3.send(
        new sdk.HeadObjectCommand({ Bucket: this.settings.s3Bucket, Key: this.key(key) }),
      );
      return true;
    } catch (err) {
      if (status(err) === 404) return false;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    const { sdk, s3 } = await this.connect();
    await s3.send(
      new sdk.DeleteObjectCommand({ Bucket: this.settings.s3Bucket, Key: this.key(key) }),
    );
  }

  async removePrefix(storageKey: string): Promise<void> {
    assertStorageKey(storageKey);
    const keys: string[] = [];
    for await (const f of this.list(storageKey)) keys.push(f.key);
    const { sdk, s3 } = await this.connect();
    // DeleteObjects takes at most 1000 keys a request.
    for (let i = 0; i < keys.length; i += 1000) {
      await s3.send(
        new sdk.DeleteObjectsCommand({
          Bucket: this.settings.s3Bucket,
          Delete: {
            Objects: keys.slice(i, i + 1000).map((k) => ({ Key: this.key(k) })),
            Quiet: true,
          },
        }),
      );
    }
  }

  async *list(storageKey?: string): AsyncIterable<StoredFile> {
    if (storageKey !== undefined) assertStorageKey(storageKey);
    const { sdk, s3 } = await this.connect();
    const prefix = `${this.prefix}${storageKey === undefined ? '' : `${storageKey}/`}`;
    let token: string | undefined;
    do {
      const page = await s3.send(
        new sdk.ListObjectsV2Command({
          Bucket: this.settings.s3Bucket,
          Prefix: prefix,
          ContinuationToken: token,
        }),
      );
      for (const o of page.Contents ?? []) {
        if (o.Key) yield { key: o.Key.slice(this.prefix.length), size: o.Size ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async check(): Promise<void> {
    const { sdk, s3 } = await this.connect();
    try {
      await s3.send(new sdk.HeadBucketCommand({ Bucket: this.settings.s3Bucket }));
    } catch (err) {
      throw new StorageError(describeS3Error(err, this.settings), err);
    }
  }

  close(): void {
    const client = this.client;
    this.client = undefined;
    this.onClose();
    void client?.then(({ s3 }) => s3.destroy()).catch(() => {});
  }
}

function status(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/** What went wrong talking to the bucket, in words that say what to fix. */
export function describeS3Error(err: unknown, s: StorageSettings): string {
  const where = s.s3Endpoint ? ` at ${s.s3Endpoint}` : ` in ${s.s3Region}`;
  const code = status(err);
  const name = (err as Error)?.name ?? '';
  if (code === 404 || name === 'NoSuchBucket' || name === 'NotFound') {
    return `the bucket "${s.s3Bucket}" does not exist${where}: create it, or fix S3_BUCKET`;
  }
  if (code === 401 || code === 403) {
    return `the bucket "${s.s3Bucket}"${where} refused the credentials (HTTP ${code}): check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, and that they may use this bucket`;
  }
  if (code === 301 || code === 400) {
    return `the bucket "${s.s3Bucket}" answered HTTP ${code}${where}: check S3_REGION${s.s3Endpoint ? ' and S3_FORCE_PATH_STYLE' : ''}`;
  }
  if (code === undefined) {
    const why = (err as Error)?.message || name || String(err);
    return `cannot reach S3${s.s3Endpoint ? ` endpoint ${s.s3Endpoint}` : where}: ${why}; check S3_ENDPOINT and the network`;
  }
  return `the bucket "${s.s3Bucket}"${where} answered HTTP ${code}: ${(err as Error).message || name}`;
}
