import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeUploads, WP_FIXTURES } from '../../../test/fixtures/wordpress/make-uploads.ts';
import { DIALECTS, testApp } from '../../../test/helpers.ts';
import { relatedIds } from '../../discovery/related-store.ts';
import { parseQuery, searchIndexFor } from '../../discovery/search.ts';
import { importWordpress } from './import.ts';

const QUERIES = ['rob', 'nelayan sanur', 'tanggul', 'rapat dewan', 'air laut', 'desa'];

/** Imports the fixture and reads what search and "related" answer, by WordPress id. */
async function importAndRead(dialect: (typeof DIALECTS)[number], bulk: boolean) {
  const uploads = await makeUploads();
  const app = await testApp(dialect);
  try {
    const phases: number[] = [];
    await importWordpress(app.db, app.events, app.config, join(WP_FIXTURES, 'wxr-6x.xml'), {
      uploadsDir: uploads,
      bulk,
      onIndexProgress: (done) => phases.push(done),
    });
    const rows = await app.db.kysely
      .selectFrom('articles')
      .select(['id', 'external_id'])
      .where('external_id', 'is not', null)
      .execute();
    const wp = new Map(rows.map((r) => [r.id, String(r.external_id).split(':').at(-1)]));
    const index = searchIndexFor(app.db);
    const search: Record<string, string[]> = {};
    for (const q of QUERIES) {
      const { hits } = await index.search(
        parseQuery(q),
        // One clock for both imports: the ranking's recency decay must not differ between them.
        { now: READ_AT },
        { limit: 20, offset: 0 },
      );
      search[q] = hits.map((h) => `${wp.get(h.id)}:${h.score.toFixed(6)}`);
    }
    const related: Record<string, string[]> = {};
    for (const [id, wpId] of wp)
      related[wpId ?? ''] = (await relatedIds(app.db.kysely, id)).map((r) => wp.get(r) ?? '?');
    return { search, related, phases };
  } finally {
    await app.dispose();
    rmSync(uploads, { recursive: true, force: true });
  }
}

const READ_AT = Date.now();

describe.each(DIALECTS)('wordpress import in bulk mode (%s)', (dialect) => {
  it('indexes once at the end, with the same search results and related lists as event by event', async () => {
    const perEvent = await importAndRead(dialect, false);
    const bulk = await importAndRead(dialect, true);
    expect(perEvent.phases).toEqual([]);
    expect(bulk.phases.at(-1)).toBeGreaterThan(0);
    expect(Object.values(bulk.search).flat().length).toBeGreaterThan(3);
    expect(bulk.search).toEqual(perEvent.search);
    expect(Object.values(bulk.related).flat().length).toBeGreaterThan(0);
    expect(bulk.related).toEqual(perEvent.related);
  });
});
