import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { editorBundle } from '../newsroom/articles/bundle.ts';
import { loadedAssets, precompressedName, type StaticAsset } from './static-assets.ts';

const DIST_STATIC = join(import.meta.dirname, '../../dist/static');

/**
 * Every static asset of the site, the comments and the newsroom answers
 * brotli, gzip and plain bodies of the same bytes, 304 on its ETag, and the
 * compiled build (made by the test setup) carries its precompressed files.
 */
describe('static assets', () => {
  let app: TestApp;
  let assets: StaticAsset[];

  beforeAll(async () => {
    app = await testApp('sqlite');
    await editorBundle();
    assets = loadedAssets();
  });
  afterAll(() => app?.dispose());

  it('serves every asset in each encoding, decoding to the same bytes', async () => {
    const routed = app.routes.filter((r) => r.method === 'GET' && /^\/static\/[^:]+$/.test(r.url));
    expect(routed.length).toBeGreaterThanOrEqual(10);
    const urls = [...routed.map((r) => r.url), (await editorBundle()).url];
    for (const url of urls) {
      const plain = await app.server.inject({ url, headers: { 'accept-encoding': 'identity' } });
      expect(plain.statusCode, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(plain.headers.vary).toBe('Accept-Encoding');
      const identity = plain.rawPayload;
      expect(identity.length).toBeGreaterThan(0);

      const br = await app.server.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).equals(identity), url).toBe(true);

      const gz = await app.server.inject({
        url,
        headers: { 'accept-encoding': 'gzip;q=1, br;q=0' },
      });
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).equals(identity), url).toBe(true);

      const etag = String(plain.headers.etag);
      expect(etag).toMatch(/^W\/"[0-9a-f]{10}"$/);
      expect(br.headers.etag).toBe(etag);
      const again = await app.server.inject({
        url,
        headers: { 'if-none-match': etag, 'accept-encoding': 'br' },
      });
      expect(again.statusCode, url).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      const other = await app.server.inject({
        url,
        headers: { 'if-none-match': 'W/"0000000000"' },
      });
      expect(other.statusCode).toBe(200);
    }
  });

  it('the compiled build holds every asset precompressed', () => {
    expect(assets.length).toBeGreaterThanOrEqual(11);
    for (const asset of assets) {
      const br = join(DIST_STATIC, precompressedName(asset.url, 'br'));
      const gz = join(DIST_STATIC, precompressedName(asset.url, 'gzip'));
      expect(existsSync(br), br).toBe(true);
      expect(existsSync(gz), gz).toBe(true);
      expect(brotliDecompressSync(readFileSync(br)).equals(asset.body), br).toBe(true);
      expect(gunzipSync(readFileSync(gz)).equals(asset.body), gz).toBe(true);
    }
  });
});
