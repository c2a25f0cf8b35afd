import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commentableArticle,
  EASY_CAPTCHA,
  fields,
  postComment,
  postSolved,
  setSettings,
  storedComments,
} from '../../test/comments-kit.ts';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { cursorCodec } from '../api/cursor.ts';
import { createApiKey, hashApiKey, verifyApiKey } from '../api/keys.ts';
import { createChallenge, encodePayload, solveChallenge } from '../comments/captcha.ts';
import { formToken } from '../comments/form-token.ts';
import { encryptEmail } from '../comments/hashing.ts';
import { notifyReply } from '../comments/notify.ts';
import { spendLoginProof } from '../newsroom/login-guard.ts';

/**
 * SECRET_KEY rotated: the app signs with NEW and still verifies what OLD
 * signed (SECRET_KEY_PREVIOUS), through the real routes, so the keys reach the
 * comment pipeline and the API's cursors, not only the helpers.
 */
const OLD = 'rotation-old-secret-of-at-least-32-characters';
const NEW = 'rotation-new-secret-of-at-least-32-characters';
const OTHER = 'rotation-unrelated-secret-of-at-least-32-chars';

describe('key rotation through the app (sqlite)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp('sqlite', { secretKey: NEW, previousSecretKey: OLD });
  });
  afterAll(() => app.dispose());

  async function postWith(secret: string) {
    const a = await commentableArticle(app);
    const ch = await createChallenge(secret, a.id, EASY_CAPTCHA);
    const altcha = encodePayload(ch, await solveChallenge(ch));
    const res = await postComment(
      app,
      a.action,
      fields(formToken(secret, a.id, Date.now() - 10_000), { altcha }),
      { json: true },
    );
    return { res, stored: await storedComments(app, a.id) };
  }

  it('a comment form and challenge made under the previous key are accepted', async () => {
    await setSettings(app, { trustAfter: 0, mode: 'post' });
    const { res, stored } = await postWith(OLD);
    expect(res.statusCode, res.body).toBe(201);
    expect(stored).toHaveLength(1);
  });

  it('a form token signed with an unrelated key is refused', async () => {
    const { res, stored } = await postWith(OTHER);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('COMMENT_FORM_TOKEN');
    expect(stored).toHaveLength(0);
  });

  it('an API cursor made under the previous key pages on; an unrelated one is 400', async () => {
    const { key } = await createApiKey(app.db.kysely, NEW, {
      name: 'Rotasi',
      ratePerMinute: 1000,
      createdBy: null,
    });
    const section = await makeSection(app.db, 'Rotasi');
    const a = await publishedArticle(app.db, section.id, {}, Date.now() - 60_000);
    const list = (cursor: string) =>
      app.server.inject({
        url: `/api/v1/articles?cursor=${cursor}`,
        headers: { authorization: `Bearer ${key}` },
      });
    // The position just after article `a`: the page holds older articles only.
    const position = { p: Date.now(), i: a.id + 1 };
    const old = await list(cursorCodec(OLD, 'articles').encode(position));
    expect(old.statusCode, old.body).toBe(200);
    const foreign = await list(cursorCodec(OTHER, 'articles').encode(position));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('API_BAD_CURSOR');
  });

  it('an API key stored under the previous key works and moves to the new key on first use', async () => {
    const k = app.db.kysely;
    const made = (secret: string, name: string) =>
      createApiKey(k, secret, { name, ratePerMinute: 1000, createdBy: null });
    const read = (key: string) =>
      app.server.inject({ url: '/api/v1/articles', headers: { authorization: `Bearer ${key}` } });
    const hashOf = async (id: number) =>
      (
        await k
          .selectFrom('api_keys')
          .select('key_hash')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).key_hash;

    const used = await made(OLD, 'Dipakai saat rotasi');
    const unused = await made(OLD, 'Tidak dipakai');
    expect((await read(used.key)).statusCode).toBe(200);
    expect(await hashOf(used.id)).toBe(hashApiKey(NEW, used.key));
    expect(await hashOf(unused.id)).toBe(hashApiKey(OLD, unused.key));
    // Once SECRET_KEY_PREVIOUS is gone: the key used during the rotation still works, the other not.
    expect(await verifyApiKey(k, [NEW], used.key)).toMatchObject({ id: used.id });
    expect(await verifyApiKey(k, [NEW], unused.key)).toBeNull();

    const foreign = await made(OTHER, 'Asing');
    const refused = await read(foreign.key);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('API_KEY_INVALID');
    expect(await hashOf(foreign.id)).toBe(hashApiKey(OTHER, foreign.key));
  });

  it('a reply notification address sealed under the previous key still gets its mail', async () => {
    const a = await commentableArticle(app);
    const mailTo = async (sealedWith: string, address: string) => {
      const parent = (
        await postSolved(app, a, { email: address, notify: '1' }, { json: true })
      ).json();
      await app.db.kysely
        .updateTable('comments')
        .set({ notify_email: encryptEmail(sealedWith, address) })
        .where('id', '=', parent.id)
        .execute();
      const reply = (
        await postSolved(app, a, { parent: String(parent.id), name: 'Penjawab' }, { json: true })
      ).json();
      return notifyReply(app.db, app.config, reply.id);
    };
    expect(await mailTo(OLD, 'induk.lama@contoh.id')).toBe(true);
    expect(await mailTo(OTHER, 'induk.asing@contoh.id')).toBe(false);
    const sent = await app.db.kysely.selectFrom('outbox').select('to_address').execute();
    expect(sent.map((m) => m.to_address)).toContain('induk.lama@contoh.id');
    expect(sent.map((m) => m.to_address)).not.toContain('induk.asing@contoh.id');
  });

  it('a login proof of work made under the previous key is accepted; an unrelated key is refused', async () => {
    // Login challenges are the comments' challenges for "article" 0 (login-guard.ts).
    const solved = async (secret: string) => {
      const ch = await createChallenge(secret, 0, EASY_CAPTCHA);
      return encodePayload(ch, await solveChallenge(ch));
    };
    expect(await spendLoginProof(app.db, [NEW, OLD], await solved(OLD))).toBe(true);
    expect(await spendLoginProof(app.db, [NEW, OLD], await solved(OTHER))).toBe(false);
    expect(await spendLoginProof(app.db, [NEW], await solved(OLD))).toBe(false);
  });
});
