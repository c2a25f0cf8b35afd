import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from './kill-server.ts';

/**
 * `bin/warta.js` runs the server bundled into one module (scripts/build.mjs).
 * Modules that read files beside themselves (styles, scripts, the comment
 * widget, the editor bundle, precompressed assets) and the packages left out
 * of the bundle (image processing, password hashing) must still be found:
 * this visits every kind of page and every asset they link to.
 */
const NODE = process.env.WARTA_TEST_NODE || process.execPath;
const BIN = join(import.meta.dirname, '../../bin/warta.js');

describe('the bundled server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warta-bundle-'));
  const env = {
    DATABASE_URL: `sqlite:${join(dir, 'warta.db')}`,
    MEDIA_DIR: join(dir, 'media'),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  let server: ServerProcess;
  let base = '';

  beforeAll(async () => {
    execFileSync(NODE, [BIN, 'demo'], { cwd: dir, env: { ...process.env, ...env } });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = new ServerProcess(dir, {
      ...env,
      PORT: String(port),
      NODE_OPTIONS: `--import=${join(import.meta.dirname, 'builtins-probe.mjs')}`,
    });
    await server.start();
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: await res.text(),
    };
  };
  const linkedAssets = (html: string) => [
    ...new Set([...html.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1] as string)),
  ];

  it('serves the pages, their styles and scripts, the comment widget and the login page', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    const article = home.body.match(/href="(\/[a-z-]+\/\d+\/[^"]+)"/)?.[1];
    expect(article).toBeDefined();
    const page = await get(article as string);
    expect(page.status).toBe(200);
    expect(page.body).toContain('altcha');
    const login = await get('/newsroom/masuk');
    expect(login.status).toBe(200);
    const assets = linkedAssets(home.body + page.body + login.body);
    // The site's style and script, the comment script and widget, the newsroom's login script.
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      const res = await get(asset);
      expect(res.status, asset).toBe(200);
      expect(res.body.length, asset).toBeGreaterThan(100);
    }
    const photo = page.body.match(/src="(\/media\/[^"]+\.jpg)"/)?.[1];
    expect(photo).toBeDefined();
    expect((await get(photo as string)).status).toBe(200);
  });

  it('draws the icons with the image library outside the bundle', async () => {
    const res = await fetch(`${base}/icon-192.png`);
    expect(res.status).toBe(200);
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(192);
  });

  it('answers the search, the feeds, the sitemaps and the API description', async () => {
    const search = await get('/cari?q=banjir');
    expect(search.status).toBe(200);
    expect(linkedAssets(search.body).length).toBeGreaterThan(0);
    for (const path of ['/feed', '/sitemap.xml', '/sitemap-news.xml', '/robots.txt']) {
      expect((await get(path)).status, path).toBe(200);
    }
    const openapi = await get('/api/v1/openapi.json');
    expect(openapi.status).toBe(200);
    expect(JSON.parse(openapi.body).openapi).toBe('3.1.0');
  });

  it("has not loaded Node's fetch implementation after serving every kind of page", async () => {
    // undici is some 12-15 MiB resident, for a server that fetches nothing unless an
    // editor imports: neither @fastify/multipart nor node:http may pull it in (build.mjs).
    const seen = server.output.length;
    server.signal('SIGUSR2');
    let report: RegExpExecArray | null = null;
    for (let i = 0; i < 200 && !report; i++) {
      await new Promise((r) => setTimeout(r, 25));
      report = /BUILTINS (\[.*\])\n/.exec(server.output.slice(seen));
    }
    expect(report, server.output.slice(seen)).not.toBeNull();
    const loaded = JSON.parse(report?.[1] ?? '[]') as string[];
    expect(loaded).toContain('http');
    expect(loaded.filter((name) => name.includes('undici'))).toEqual([]);
  });

  it('is ASCII only, so V8 holds its source at one byte per character', () => {
    const bundle = join(import.meta.dirname, '../../dist/bundle');
    const modules = readdirSync(bundle).filter((name) => name.endsWith('.js'));
    expect(modules.length).toBeGreaterThan(1);
    for (const name of modules) {
      const code = readFileSync(join(bundle, name), 'utf8');
      expect(code.match(/.{0,30}[^\0-\x7f].{0,30}/)?.[0], name).toBeUndefined();
    }
  });
});
