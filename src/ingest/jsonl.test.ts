import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import { EventBus } from '../lib/events.ts';
import { importJsonl } from './jsonl.ts';

const line = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    cluster: 'c1',
    section: 'daerah',
    headline: `Berita impor ${id}`,
    dateline: 'DENPASAR',
    paragraphs: ['Paragraf pertama berita impor.', 'Paragraf kedua.'],
    tags: ['Impor', 'Uji'],
    published_at: '2024-03-01T09:30:00+08:00',
    source: 'Antara',
    byline: 'Made Sutama',
    ...extra,
  });

describe.each(DIALECTS)('import-jsonl (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(dialect);
  });
  afterAll(() => t.dispose());

  it('imports through the content commands, reports bad lines and is idempotent', async () => {
    const published: number[] = [];
    const events = new EventBus();
    events.on('article.published', ({ articleId }) => {
      published.push(articleId);
    });
    const text = [
      line('a1'),
      '{not json',
      line('a2', { section: 'Ekonomi Bisnis', source: null, byline: 'Kmb/Warta' }),
      line('a3', { published_at: '2024-03-01 09:30' }),
      '',
      line('a4', { paragraphs: [] }),
    ].join('\n');
    const progress: number[] = [];
    const first = await importJsonl(t.db, events, text, { onProgress: (d) => progress.push(d) });
    expect(first.created).toBe(2);
    expect(first.failed.map((f) => f.line)).toEqual([2, 4, 6]);
    expect(first.failed[1]?.reason).toMatch(/published_at/);
    expect(progress.at(-1)).toBe(5);
    expect(published).toHaveLength(2);
    const rows = await t.db.kysely
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select([
        'a.headline',
        'a.status',
        'a.published_at',
        'a.source_credit',
        'a.byline_initials',
        's.slug',
      ])
      .orderBy('a.id')
      .execute();
    expect(rows[0]).toMatchObject({ status: 'published', source_credit: 'Antara', slug: 'daerah' });
    expect(Number(rows[0]?.published_at)).toBe(Date.parse('2024-03-01T01:30:00Z'));
    expect(rows[1]).toMatchObject({ slug: 'ekonomi-bisnis', byline_initials: 'Kmb/Warta' });

    const second = await importJsonl(t.db, events, text);
    expect(second.created).toBe(0);
    expect(second.skipped).toBe(2);
    expect(second.ids.get('a1')).toBe(first.ids.get('a1'));
    const count = await t.db.kysely
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });
});
