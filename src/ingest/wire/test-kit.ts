import { paragraph } from '../../content/blocks.ts';
import type { Db } from '../../db/connection.ts';
import { insertSource, type SourceInput } from './store.ts';
import { ingestItems } from './store-items.ts';

/**
 * Test factories for the wire desk (used by its own tests and the route
 * security table): a disabled source (never polled) and one item on the desk.
 */

let n = 0;

/** A source's input with overrides; disabled unless said otherwise. */
export function buildSourceInput(overrides: Partial<SourceInput> = {}): SourceInput {
  return {
    name: 'Kantor Berita Uji',
    format: 'auto',
    url: 'http://127.0.0.1:9/feed.xml',
    folder: '',
    credit: 'Uji',
    photoCredit: 'Uji',
    sectionId: null,
    intervalS: 300,
    authKind: 'none',
    authUser: '',
    authSecret: '',
    tokenHeader: '',
    rules: { replace: [], strip: [] },
    enabled: false,
    ...overrides,
  };
}

/** A fresh source with one item; returns both ids. */
export async function wireFixture(db: Db): Promise<{ sourceId: number; itemId: number }> {
  n += 1;
  const now = Date.now();
  const sourceId = await insertSource(
    db.kysely,
    buildSourceInput({ name: `Kantor Uji ${n}` }),
    now,
  );
  await ingestItems(
    db.kysely,
    { id: sourceId, section_id: null },
    [
      {
        guid: `uji-${n}`,
        version: null,
        headline: `Berita uji nomor ${n} dari kantor berita`,
        blocks: [paragraph('KUPANG (Uji) - Isi berita uji untuk meja kawat.')],
        url: `https://kawat.example/uji-${n}`,
        dateline: '',
        publishedAt: now,
        embargoUntil: null,
        image: null,
        isUpdate: false,
      },
    ],
    now,
  );
  const item = await db.kysely
    .selectFrom('wire_items')
    .select('id')
    .where('source_id', '=', sourceId)
    .executeTakeFirstOrThrow();
  return { sourceId, itemId: item.id };
}
