import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { Config } from '../../src/config.ts';

export interface TestS3 {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** A bucket that exists (3–63 characters, unique per call). */
  bucket: string;
  /** MEDIA_STORAGE, S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_FORCE_PATH_STYLE and the credentials, for a `warta` process. */
  env: Record<string, string>;
  /** The same as loadConfig() overrides, for an in-process app. */
  config: Pick<
    Config,
    | 'mediaStorage'
    | 's3Bucket'
    | 's3Endpoint'
    | 's3Region'
    | 's3ForcePathStyle'
    | 's3AccessKeyId'
    | 's3SecretAccessKey'
  >;
  /** Stops the server and removes its files. */
  close(): Promise<void>;
}

/**
 * A loopback S3 (s3rver, files in a temporary folder) with one empty bucket.
 * s3rver accepts any signature from the credentials S3RVER/S3RVER and wants
 * path-style addresses.
 */
export async function startS3(opts: { bucket?: string } = {}): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'warta-s3rver-'));
  const bucket = opts.bucket ?? `warta-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const config = {
    mediaStorage: 's3',
    s3Bucket: bucket,
    s3Endpoint: endpoint,
    s3Region: 'us-east-1',
    s3ForcePathStyle: true,
    s3AccessKeyId: 'S3RVER',
    s3SecretAccessKey: 'S3RVER',
  } as const;
  return {
    endpoint,
    bucket,
    config,
    env: {
      MEDIA_STORAGE: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    async close() {
      // Keep-alive connections of clients still open would hold close() up.
      server.httpServer?.closeAllConnections();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
