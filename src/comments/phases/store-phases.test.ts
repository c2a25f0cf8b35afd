import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../../test/factories.ts';
import { DIALECTS, freshDb, type TestDb } from '../../../test/helpers.ts';
import { createChallenge, encodePayload, solveChallenge } from '../captcha.ts';
import { ipHash } from '../hashing.ts';
import { banCheck } from './ban.ts';
import { captchaCheck } from './captcha.ts';
import { duplicateCheck } from './duplicate.ts';
import { firstTimeCheck } from './first-time.ts';
import { candidate, env, SECRET, storeComment } from './phase-kit.ts';
import { rateLimit } from './rate-limit.ts';

describe.each(DIALECTS)('phases that read the store (%s)', (dialect) => {
  let t: TestDb;
  let articleId: number;
  beforeAll(async () => {
    t = await freshDb(dialect);
    const s = await makeSection(t.db);
    articleId = (await publishedArticle(t.db, s.id)).id;
  });
  afterAll(() => t.dispose());

  it('ban: refuses a banned email hash or address hash', async () => {
    const c = candidate({ articleId, email: 'banned@contoh.id' });
    const k = t.db.kysely;
    expect(await banCheck.run(c, env(k))).toEqual({ kind: 'accept' });
    await k
      .insertInto('comment_bans')
      .values({ kind: 'email', hash: c.emailHash, note: '', created_by: null, created_at: 1 })
      .execute();
    expect(await banCheck.run(c, env(k))).toMatchObject({ kind: 'reject', code: 'COMMENT_BANNED' });
    const other = candidate({
      articleId,
      email: 'lain@contoh.id',
      ipHash: ipHash(SECRET, '10.9.9.9'),
    });
    await k
      .insertInto('comment_bans')
      .values({ kind: 'ip', hash: other.ipHash, note: '', created_by: null, created_at: 1 })
      .execute();
    expect(await banCheck.run(other, env(k))).toMatchObject({ kind: 'reject' });
  });

  it('rate limit: one per window and N per hour, with the seconds to wait', async () => {
    const k = t.db.kysely;
    const now = Date.now();
    const c = candidate({
      articleId,
      email: 'cepat@contoh.id',
      ipHash: ipHash(SECRET, '10.1.1.1'),
    });
    expect(await rateLimit.run(c, env(k, { now }))).toEqual({ kind: 'accept' });
    await storeComment(k, articleId, { ...c, bodyHash: 'a' }, { createdAt: now - 5_000 });
    const r = await rateLimit.run(c, env(k, { now }));
    expect(r).toMatchObject({ kind: 'reject', code: 'COMMENT_RATE_LIMITED', retryAfter: 10 });
    // The same email from another address is limited too.
    expect(
      await rateLimit.run({ ...c, ipHash: ipHash(SECRET, '10.2.2.2') }, env(k, { now })),
    ).toMatchObject({ kind: 'reject' });
    // After the window, the hourly cap: 3 per hour here.
    const settings = { ratePerHour: 3 } as never;
    await storeComment(k, articleId, { ...c, bodyHash: 'b' }, { createdAt: now - 50 * 60_000 });
    await storeComment(k, articleId, { ...c, bodyHash: 'c' }, { createdAt: now - 40 * 60_000 });
    const later = await rateLimit.run(c, env(k, { now: now + 20_000, settings }));
    expect(later).toMatchObject({ kind: 'reject', code: 'COMMENT_RATE_LIMITED' });
    expect((later as { retryAfter: number }).retryAfter).toBeGreaterThan(9 * 60);
  });

  it('rate limit: loose per address (a shared carrier address), tight per browser', async () => {
    const k = t.db.kysely;
    const now = Date.now();
    const shared = ipHash(SECRET, '10.3.3.3');
    const settings = { addressPerMinute: 4, addressPerHour: 6 } as never;
    const reader = (i: number) =>
      candidate({ articleId, email: `nat${i}@contoh.id`, ipHash: shared, body: `Komentar ${i}` });
    for (let i = 0; i < 4; i++) {
      expect(await rateLimit.run(reader(i), env(k, { now, settings }))).toEqual({ kind: 'accept' });
      await storeComment(k, articleId, reader(i), { createdAt: now - 1000 * (10 - i) });
    }
    // The fifth reader within the minute: the network is busy, not this reader.
    const busy = await rateLimit.run(reader(4), env(k, { now, settings }));
    expect(busy).toEqual({ kind: 'reject', code: 'COMMENT_NETWORK_BUSY', retryAfter: 50 });
    // A minute later the hourly limit (6) still has room for two.
    expect(await rateLimit.run(reader(4), env(k, { now: now + 60_000, settings }))).toEqual({
      kind: 'accept',
    });
    // The browser's own recent posts (from its cookie) count like the email's.
    const fresh = candidate({
      articleId,
      email: 'baru@contoh.id',
      ipHash: ipHash(SECRET, '10.4.4.4'),
    });
    expect(await rateLimit.run({ ...fresh, browserTimes: [now - 3000] }, env(k, { now }))).toEqual({
      kind: 'reject',
      code: 'COMMENT_RATE_LIMITED',
      retryAfter: 12,
    });
    expect(
      await rateLimit.run({ ...fresh, browserTimes: [now - 16_000] }, env(k, { now })),
    ).toEqual({ kind: 'accept' });
  });

  it('duplicate: same text, same article, same email is a 409', async () => {
    const k = t.db.kysely;
    const c = candidate({ articleId, email: 'dobel@contoh.id', body: 'Sama persis.' });
    expect(await duplicateCheck.run(c, env(k))).toEqual({ kind: 'accept' });
    await storeComment(k, articleId, c, { createdAt: 1 });
    expect(await duplicateCheck.run(c, env(k))).toMatchObject({
      kind: 'reject',
      code: 'COMMENT_DUPLICATE',
    });
    expect(
      await duplicateCheck.run(
        candidate({ articleId, email: 'lain2@contoh.id', body: 'Sama persis.' }),
        env(k),
      ),
    ).toEqual({ kind: 'accept' });
  });

  it('first time: held until N comments were approved', async () => {
    const k = t.db.kysely;
    const c = candidate({ articleId, email: 'baru@contoh.id', body: 'Pertama' });
    const settings = { trustAfter: 2 } as never;
    expect(await firstTimeCheck.run(c, env(k, { settings }))).toEqual({
      kind: 'hold',
      reason: 'first-time',
    });
    await storeComment(
      k,
      articleId,
      { ...c, bodyHash: 'x1' },
      { status: 'approved', createdAt: 1 },
    );
    await storeComment(k, articleId, { ...c, bodyHash: 'x2' }, { status: 'pending', createdAt: 1 });
    expect(await firstTimeCheck.run(c, env(k, { settings }))).toMatchObject({ kind: 'hold' });
    await storeComment(
      k,
      articleId,
      { ...c, bodyHash: 'x3' },
      { status: 'approved', createdAt: 1 },
    );
    expect(await firstTimeCheck.run(c, env(k, { settings }))).toEqual({ kind: 'accept' });
    expect(
      await firstTimeCheck.run(
        candidate({ articleId, email: 'siapa@contoh.id' }),
        env(k, { settings: { trustAfter: 0 } as never }),
      ),
    ).toEqual({ kind: 'accept' });
  });

  it('captcha: no payload holds, bad payloads refuse, a replay refuses, 50 concurrent replays pass once', async () => {
    const k = t.db.kysely;
    const easy = { cost: 5, counterMin: 1, counterMax: 20 };
    expect(await captchaCheck.run(candidate({ articleId }), env(k))).toEqual({
      kind: 'hold',
      reason: 'no-captcha',
    });
    expect(
      await captchaCheck.run(candidate({ articleId, captcha: 'bm9wZQ==' }), env(k)),
    ).toMatchObject({ kind: 'reject', code: 'COMMENT_CAPTCHA' });
    const ch = await createChallenge(SECRET, articleId, easy);
    const payload = encodePayload(ch, await solveChallenge(ch));
    expect(
      await captchaCheck.run(candidate({ articleId: articleId + 1, captcha: payload }), env(k)),
    ).toMatchObject({ code: 'COMMENT_CAPTCHA' });
    const expired = await createChallenge(SECRET, articleId, easy, Date.now() - 11 * 60_000);
    const expiredPayload = encodePayload(expired, await solveChallenge(expired));
    expect(
      await captchaCheck.run(candidate({ articleId, captcha: expiredPayload }), env(k)),
    ).toMatchObject({ code: 'COMMENT_CAPTCHA' });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        captchaCheck.run(candidate({ articleId, captcha: payload }), env(k)),
      ),
    );
    expect(results.filter((r) => r.kind === 'accept')).toHaveLength(1);
    expect(
      results.filter((r) => r.kind === 'reject' && r.code === 'COMMENT_CAPTCHA_USED'),
    ).toHaveLength(49);
    const spent = await k
      .selectFrom('comment_challenges_spent')
      .selectAll()
      .where('nonce', '=', ch.parameters.nonce)
      .execute();
    expect(spent).toHaveLength(1);
  });
});
