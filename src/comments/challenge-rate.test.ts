import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commentableArticle, setSettings } from '../../test/comments-kit.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { ERRORS } from '../lib/errors.ts';

describe.each(['id', 'en'] as const)('the challenge endpoint is rate limited (%s)', (language) => {
  let app: TestApp;
  let url: string;
  beforeAll(async () => {
    app = await testApp('sqlite', { language });
    // A setting (default 120 a minute); lower here to keep the test short.
    await setSettings(app, { challengesPerMinute: 8 });
    url = `/komentar/tantangan?artikel=${(await commentableArticle(app)).id}`;
  });
  afterAll(() => app.dispose());
  afterEach(() => {
    vi.useRealTimers();
  });

  const ask = (ip: string) =>
    app.server.inject({ url, headers: { 'x-forwarded-for': ip, accept: 'application/json' } });

  it("answers 429 as JSON in the reader's language once an address hammers it, then recovers", async () => {
    // Only the clock is faked (the limiter counts windows with Date.now); everything else is real.
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < 8; i++) {
      const ok = await ask('10.77.0.1');
      expect(ok.statusCode).toBe(200);
      expect(ok.json().parameters.data).toEqual({ article: expect.any(Number) });
    }
    const limited = await ask('10.77.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/json/);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json()).toEqual({
      error: 'RATE_LIMITED',
      message: ERRORS.RATE_LIMITED[language],
    });
    // Another reader is not affected.
    expect((await ask('10.77.0.2')).statusCode).toBe(200);
    // After the window, the same address gets challenges again.
    vi.setSystemTime(Date.now() + 61_000);
    expect((await ask('10.77.0.1')).statusCode).toBe(200);
  });

  it('refuses a malformed article id with a JSON 400', async () => {
    const res = await app.server.inject({
      url: '/komentar/tantangan?artikel=abc',
      headers: { 'x-forwarded-for': '10.77.0.3' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'BAD_REQUEST', message: ERRORS.BAD_REQUEST[language] });
  });
});
