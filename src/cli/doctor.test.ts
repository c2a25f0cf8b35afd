import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startS3 } from '../../test/support/s3.ts';
import { isLoopback, runDoctor, siteUrlCheck } from './doctor.ts';

describe('warta doctor: the site address', () => {
  it('warns when SITE_URL is localhost while the server listens on a public address', () => {
    expect(siteUrlCheck({ siteUrl: 'http://localhost:3000', host: '0.0.0.0' }).warn).toBe(true);
    expect(siteUrlCheck({ siteUrl: 'http://127.0.0.1:3000', host: '203.0.113.7' }).warn).toBe(true);
    expect(
      siteUrlCheck({ siteUrl: 'http://localhost:3000', host: '127.0.0.1' }).warn,
    ).toBeUndefined();
    expect(
      siteUrlCheck({ siteUrl: 'https://berita.example.id', host: '0.0.0.0' }).warn,
    ).toBeUndefined();
  });

  it('knows every spelling of this machine, in SITE_URL and in HOST', () => {
    for (const siteUrl of [
      'http://[::1]:3000',
      'http://127.0.1.1',
      'http://LOCALHOST:3000/',
      'http://warta.localhost:3000',
      'http://localhost.:3000',
      'http://[::ffff:127.0.0.1]:3000',
      'http://0.0.0.0:3000',
      'http://[::]:3000',
    ]) {
      expect(siteUrlCheck({ siteUrl, host: '::' }).warn, siteUrl).toBe(true);
      expect(siteUrlCheck({ siteUrl, host: '192.168.1.20' }).warn, siteUrl).toBe(true);
    }
    for (const host of ['127.0.0.1', '::1', '[::1]', 'localhost', '0:0:0:0:0:0:0:1']) {
      expect(isLoopback(host), host).toBe(true);
      expect(siteUrlCheck({ siteUrl: 'http://localhost:3000', host }).warn, host).toBeUndefined();
    }
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'localhost.example.id', '127.example.id']) {
      expect(isLoopback(host), host).toBe(false);
    }
    const check = siteUrlCheck({ siteUrl: 'http://localhost:3000', host: '0.0.0.0' });
    expect(check.detail).toContain('canonical URLs');
    expect(check.detail).toContain('SITE_URL=https://');
  });

  describe('the whole doctor run', () => {
    const dirs: string[] = [];
    afterEach(() => {
      vi.restoreAllMocks();
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    });
    const run = async (env: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'warta-doctor-'));
      dirs.push(dir);
      const lines: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((line: string) => {
        lines.push(line);
      });
      const code = await runDoctor({
        DATABASE_URL: `sqlite:${join(dir, 'w.db')}`,
        MEDIA_DIR: join(dir, 'media'),
        ...env,
      });
      return { code, out: lines.join('\n') };
    };

    it('prints the warning for the default SITE_URL on a public HOST, and still exits 0', async () => {
      const { code, out } = await run({ HOST: '0.0.0.0', SITE_URL: 'http://localhost:3000' });
      expect(out).toMatch(
        /^WARN {2}Site address: SITE_URL is http:\/\/localhost:3000 but the server listens on 0\.0\.0\.0/m,
      );
      expect(code).toBe(0);
      const fine = await run({ HOST: '0.0.0.0', SITE_URL: 'https://berita.example.id' });
      expect(fine.out).toContain('OK    Site address: links use https://berita.example.id');
      expect(fine.out).not.toContain('WARN');
    });

    it('with MEDIA_STORAGE=s3 checks the bucket instead of the disk', async () => {
      const s3 = await startS3();
      try {
        const ok = await run({ ...s3.env, SITE_URL: 'https://berita.example.id' });
        expect(ok.out).toContain(`OK    Media storage: s3://${s3.bucket}/ answers`);
        expect(ok.out).not.toContain('Disk');
        expect(ok.code).toBe(0);
        const missing = await run({ ...s3.env, S3_BUCKET: 'tidak-ada-ember' });
        expect(missing.out).toMatch(
          /^FAIL {2}Media storage: the bucket "tidak-ada-ember" does not exist at http:\/\/127\.0\.0\.1:\d+/m,
        );
        expect(missing.code).toBe(1);
      } finally {
        await s3.close();
      }
    });
  });
});
