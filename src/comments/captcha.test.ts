import { verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { describe, expect, it } from 'vitest';
import {
  CAPTCHA_ALGORITHM,
  checkPayload,
  createChallenge,
  encodePayload,
  solveChallenge,
} from './captcha.ts';
import { derivedKey } from './hashing.ts';

const SECRET = 'captcha-test-secret-of-at-least-32-chars';
const easy = { cost: 5, counterMin: 1, counterMax: 40 };

describe('captcha (ALTCHA v2 wire format)', () => {
  it('creates a signed challenge the widget accepts: algorithm, nonce, salt, keyPrefix, expiry, article', async () => {
    const now = Date.now();
    const ch = await createChallenge(SECRET, 7, easy, now);
    expect(ch.parameters.algorithm).toBe(CAPTCHA_ALGORITHM);
    expect(ch.parameters.keyPrefix).toMatch(/^[0-9a-f]{32}$/);
    expect(ch.parameters.expiresAt).toBe(Math.floor((now + 600_000) / 1000));
    expect(ch.parameters.data).toEqual({ article: 7 });
    expect(ch.signature).toMatch(/^[0-9a-f]{64}$/);
  });
  it('verifies a solution and refuses every tampered or misplaced one', async () => {
    const ch = await createChallenge(SECRET, 7, easy);
    const sol = await solveChallenge(ch);
    expect(await checkPayload(SECRET, encodePayload(ch, sol), 7)).toMatchObject({
      ok: true,
      nonce: ch.parameters.nonce,
    });
    expect(await checkPayload(SECRET, encodePayload(ch, sol), 8)).toEqual({
      ok: false,
      problem: 'foreign',
    });
    expect(
      await checkPayload('another-secret-of-at-least-32-chars!!', encodePayload(ch, sol), 7),
    ).toEqual({ ok: false, problem: 'invalid' });
    const wrongKey = {
      ...sol,
      derivedKey: sol.derivedKey.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    };
    expect(await checkPayload(SECRET, encodePayload(ch, wrongKey), 7)).toEqual({
      ok: false,
      problem: 'invalid',
    });
    const moved = { ...ch, parameters: { ...ch.parameters, data: { article: 8 } } };
    expect(await checkPayload(SECRET, encodePayload(moved, sol), 8)).toEqual({
      ok: false,
      problem: 'invalid',
    });
    const later = {
      ...ch,
      parameters: { ...ch.parameters, expiresAt: ch.parameters.expiresAt + 3600 },
    };
    expect(await checkPayload(SECRET, encodePayload(later, sol), 7)).toEqual({
      ok: false,
      problem: 'invalid',
    });
    expect(await checkPayload(SECRET, encodePayload(ch, sol), 7, Date.now() + 11 * 60_000)).toEqual(
      {
        ok: false,
        problem: 'expired',
      },
    );
  });
  it('verifies a challenge made under the previous key after a rotation; an unrelated key is refused', async () => {
    const OLD = SECRET;
    const NEW = 'captcha-new-secret-of-at-least-32-chars!';
    const before = await createChallenge(OLD, 7, easy);
    const payload = encodePayload(before, await solveChallenge(before));
    // SECRET_KEY=NEW, SECRET_KEY_PREVIOUS=OLD.
    expect(await checkPayload([NEW, OLD], payload, 7)).toMatchObject({ ok: true });
    expect(await checkPayload([NEW], payload, 7)).toEqual({ ok: false, problem: 'invalid' });
    // A wrong solution stays wrong under the previous key.
    const wrong = encodePayload(before, { counter: 0, derivedKey: '0'.repeat(64) });
    expect(await checkPayload([NEW, OLD], wrong, 7)).toEqual({ ok: false, problem: 'invalid' });
    // New challenges are signed with the new key.
    const after = await createChallenge([NEW, OLD], 7, easy);
    const afterPayload = encodePayload(after, await solveChallenge(after));
    expect(await checkPayload(NEW, afterPayload, 7)).toMatchObject({ ok: true });
    expect(await checkPayload(OLD, afterPayload, 7)).toEqual({ ok: false, problem: 'invalid' });
    const foreign = await createChallenge('captcha-unrelated-secret-of-32-chars!!', 7, easy);
    const foreignPayload = encodePayload(foreign, await solveChallenge(foreign));
    expect(await checkPayload([NEW, OLD], foreignPayload, 7)).toEqual({
      ok: false,
      problem: 'invalid',
    });
  });
  it('refuses malformed payloads', async () => {
    for (const raw of [
      '',
      'not base64 at all %%%',
      Buffer.from('{}').toString('base64'),
      Buffer.from('[1]').toString('base64'),
      'x'.repeat(5000),
    ]) {
      expect(await checkPayload(SECRET, raw, 7)).toEqual({ ok: false, problem: 'malformed' });
    }
  });
  it("speaks the library's wire format: altcha-lib verifies our challenge solved by its solver", async () => {
    const ch = await createChallenge(SECRET, 7, easy);
    const solution = await solveChallenge(ch);
    const result = await verifySolution({
      challenge: ch,
      solution,
      deriveKey,
      hmacSignatureSecret: derivedKey(SECRET, 'altcha-signature'),
      hmacKeySignatureSecret: derivedKey(SECRET, 'altcha-key'),
    });
    expect(result.verified).toBe(true);
  });
});
