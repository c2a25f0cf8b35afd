import { describe, expect, it } from 'vitest';
import { siteUrlCheck } from './doctor.ts';

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
});
