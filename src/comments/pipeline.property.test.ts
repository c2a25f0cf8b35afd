import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileText } from '../../test/arbitraries.ts';
import * as kit from '../../test/comments-kit.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { hasUnsafeChars } from '../lib/plain-text.ts';

/**
 * The comment pipeline through its real route, over any form a stranger can
 * post (hostile text in every field, wrong types, missing and extra fields,
 * malformed bodies, either encoding): never a 500, bad input is a 4xx, and
 * whatever is stored is clean text.
 */

const FIELDS = [
  'body',
  'name',
  'email',
  'website',
  'telepon',
  'parentId',
  'notify',
  'altcha',
  '_token',
];
const text = fc.oneof(
  hostileText(),
  fc.constantFrom('a'.repeat(5000), '0', '-1', '99999999999999999999', 'x@y', ''),
);
const value = fc.oneof(
  text,
  fc.array(text, { maxLength: 3 }),
  fc.integer(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 2, noNullPrototype: true }),
);
const overrides = fc.dictionary(
  fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })),
  value,
  { maxKeys: 4, noNullPrototype: true },
);
/** Bodies no encoder would make: broken JSON, broken form encoding, invalid UTF-8. */
const rawBody = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('{"body":', '{"body":"\\ud800"}', 'body=%ZZ&name=%', 'body=%C3%28', '[]', 'null'),
);

describe('comment pipeline over HTTP (properties)', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof kit.commentableArticle>>;
  beforeAll(async () => {
    app = await testApp('sqlite');
    await kit.setSettings(app, { trustAfter: 0, mode: 'post' });
    a = await kit.commentableArticle(app);
  });
  afterAll(() => app?.dispose());

  it('answers any form with a 2xx/3xx or a 4xx, and stores only clean text', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        overrides,
        fc.boolean(),
        fc.boolean(),
        fc.option(rawBody, { freq: 4 }),
        async (over, json, solved, raw) => {
          const altcha = solved ? await kit.solvedPayload(app, a.id) : 'x';
          const body = raw ?? kit.fields(kit.tokenFor(app, a.id), { altcha, ...over });
          const res = await kit.postComment(app, a.action, body, { json });
          seen.add(res.statusCode);
          expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
        },
      ),
      { numRuns: 50 },
    );
    const stored = await kit.storedComments(app, a.id);
    for (const c of stored) {
      expect(hasUnsafeChars(`${c.body}${c.author_name}`), c.body).toBe(false);
    }
    // The runs reached the end of the pipeline, not only its first checks.
    expect(stored.length).toBeGreaterThan(0);
    expect([...seen].some((s) => s >= 400)).toBe(true);
  });
});
