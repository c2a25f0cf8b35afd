import { countIndexableArticles, indexableTextsAfter, tagIdsOf } from '../content/reads.ts';
import type { Db } from '../db/connection.ts';
import { extractFeatures, idf, type RelatedInput } from './related.ts';
import { recomputeList } from './related-store.ts';
import { docColumns, postingsFor, rdb } from './related-tables.ts';
import { bodyText } from './text.ts';

/**
 * Rebuilds the related-articles index from every published article in bulk:
 * one pass counts document frequencies, a second writes features and
 * postings with the final frequencies, in batched transactions. Used after a
 * large import and by the benchmark; events keep it current afterwards.
 * With `lists`, every article's related list is recomputed too (slow on a
 * large archive: one index lookup per article).
 */
export async function rebuildRelatedIndex(
  db: Db,
  opts: {
    onProgress?: (done: number, total: number) => void;
    lists?: boolean;
    batch?: number;
  } = {},
): Promise<number> {
  const k = rdb(db);
  const batch = opts.batch ?? 1000;
  const total = await countIndexableArticles(db.kysely);
  const df = new Map<string, number>();
  let n = 0;
  let done = 0;
  await eachBatch(db, batch, async (items) => {
    for (const item of items) {
      for (const t of new Set(extractFeatures(item, () => undefined, 1).terms)) {
        df.set(t, (df.get(t) ?? 0) + 1);
      }
      n++;
    }
    done += items.length;
    opts.onProgress?.(done / 2, total);
  });
  await k.transaction().execute(async (tx) => {
    await tx.deleteFrom('related_articles').execute();
    await tx.deleteFrom('related_postings').execute();
    await tx.deleteFrom('related_docs').execute();
    await tx.deleteFrom('related_df').execute();
    const rows = [...df].map(([term, count]) => ({ term, df: count }));
    rows.push({ term: '', df: n });
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insertInto('related_df')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
  });
  const dfOf = (t: string) => df.get(t);
  const idfOf = (t: string) => idf(df.get(t), n);
  await eachBatch(db, batch, async (items) => {
    const docs = items.map((item) => ({ item, f: extractFeatures(item, dfOf, n) }));
    await k.transaction().execute(async (tx) => {
      for (let i = 0; i < docs.length; i += 200) {
        const slice = docs.slice(i, i + 200);
        await tx
          .insertInto('related_docs')
          .values(
            slice.map(({ item, f }) => ({
              article_id: item.id,
              published_at: item.publishedAt,
              ...docColumns(f),
            })),
          )
          .execute();
        const postings = slice.flatMap(({ item, f }) => postingsFor(item.id, f, idfOf));
        for (let j = 0; j < postings.length; j += 2000) {
          await tx
            .insertInto('related_postings')
            .values(postings.slice(j, j + 2000))
            .execute();
        }
      }
    });
    done += items.length;
    opts.onProgress?.(done / 2, total);
  });
  if (opts.lists) {
    await eachBatch(db, batch, async (items) => {
      for (const item of items) await recomputeList(db, item.id);
    });
  }
  return n;
}

type Item = RelatedInput & { id: number; publishedAt: number };

/** Every indexable article in id order, `size` at a time: two batched reads through content. */
async function eachBatch(db: Db, size: number, fn: (items: Item[]) => Promise<void>) {
  let after = 0;
  for (;;) {
    const texts = await indexableTextsAfter(db.kysely, after, size);
    if (texts.length === 0) return;
    const tags = await tagIdsOf(
      db.kysely,
      texts.map((t) => t.id),
    );
    await fn(
      texts.map((t) => ({
        id: t.id,
        headline: t.headline,
        deck: t.deck,
        body: bodyText(t.body),
        tagIds: tags.get(t.id) ?? [],
        publishedAt: t.publishedAt,
      })),
    );
    after = texts[texts.length - 1]?.id ?? after;
  }
}
