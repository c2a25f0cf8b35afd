import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection } from '../../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../../test/helpers.ts';
import { articleClient, fullEdit } from '../../../test/newsroom-client.ts';
import { loginAs } from '../../../test/staff.ts';
import { hasUnsafeChars } from '../../lib/plain-text.ts';

/**
 * Issue 9, finding 4: control and text-direction characters typed or pasted
 * into the newsroom never reach the database (a NUL made feeds invalid XML; a
 * U+202E was stored in a headline). Every text field and the text inside
 * body blocks, through the real routes, on both databases (PostgreSQL refuses
 * a NUL outright, so there an unclean field was a failed save).
 */

const NUL = '\u0000';
const RLO = '\u202E';
const dirty = (s: string) => `${s.slice(0, 3)}${NUL}${s.slice(3)}${RLO}\u0007`;

describe.each(DIALECTS)('newsroom text input on %s', (dialect) => {
  let app: TestApp;
  let sectionId: number;
  let c: ReturnType<typeof articleClient>;
  beforeAll(async () => {
    app = await testApp(dialect);
    sectionId = (await makeSection(app.db, 'Daerah')).id;
    c = articleClient(app);
  });
  afterAll(() => app.dispose());

  it('stores a new draft, a save and an autosave without control or direction characters', async () => {
    const writer = await loginAs(app, 'kontributor', { name: `Kadek${NUL} Uji${RLO}` });
    expect(writer.user.name).toBe('Kadek Uji');
    const id = await c.create(writer, sectionId, `Banjir${NUL} di ${RLO}Denpasar`);
    expect((await c.row(id)).headline).toBe('Banjir di Denpasar');

    const text = {
      headline: dirty('Jalan desa Tista diperbaiki'),
      deck: dirty('Warga bergotong royong.'),
      tags: `${dirty('Jalan Desa')}, Gotong${RLO} Royong`,
      bylines: dirty('Made Penulis'),
      bylineInitials: dirty('Mdp/Warta'),
      dateline: dirty('Tabanan'),
      sourceCredit: dirty('Antara'),
      seoTitle: dirty('Judul mesin pencari'),
      seoDescription: dirty('Deskripsi mesin pencari'),
      body: [
        { type: 'paragraph', content: [{ text: `Baris${NUL} satu\nbaris${RLO} dua\tdengan tab` }] },
        { type: 'heading', level: 2, text: dirty('Dana desa') },
        { type: 'quote', text: dirty('Kami tidak menunggu.'), cite: dirty('Kepala desa') },
        { type: 'list', ordered: false, items: [[{ text: dirty('Satu') }]] },
      ],
    };
    const saved = await c.json(writer, `/newsroom/artikel/${id}`, {
      ...fullEdit(sectionId, text),
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const row = await c.row(id);
    expect(row.headline).toBe('Jalan desa Tista diperbaiki');
    expect(row.deck).toBe('Warga bergotong royong.');
    const body = JSON.parse(row.body as string);
    expect(body[0].content[0].text).toBe('Baris satu\nbaris dua\tdengan tab');
    expect(body[1].text).toBe('Dana desa');
    expect(body[2]).toMatchObject({ text: 'Kami tidak menunggu.', cite: 'Kepala desa' });
    expect(hasUnsafeChars(Object.values(row).join('|'))).toBe(false);
    const tags = await app.db.kysely
      .selectFrom('tags')
      .innerJoin('article_tags', 'article_tags.tag_id', 'tags.id')
      .select('tags.name')
      .where('article_tags.article_id', '=', id)
      .execute();
    expect(tags.map((t) => t.name).sort()).toEqual(['Gotong Royong', 'Jalan Desa']);
    const people = await app.db.kysely.selectFrom('people').select('name').execute();
    expect(people.map((p) => p.name)).toContain('Made Penulis');
    expect(people.some((p) => hasUnsafeChars(p.name))).toBe(false);

    const auto = await c.json(writer, `/newsroom/artikel/${id}/autosave`, {
      ...fullEdit(sectionId, { headline: `Autosave${NUL}${RLO} judul` }),
      version: 2,
    });
    expect(auto.statusCode, auto.body).toBe(200);
    const revisions = await app.db.kysely
      .selectFrom('revisions')
      .select('snapshot')
      .where('article_id', '=', id)
      .execute();
    expect(revisions.map((r) => r.snapshot).join('')).toContain('Autosave judul');
    const texts: string[] = [];
    for (const r of revisions) {
      JSON.parse(r.snapshot, (_k, v) => {
        if (typeof v === 'string') texts.push(v);
        return v;
      });
    }
    expect(texts.filter(hasUnsafeChars)).toEqual([]);

    // An editor's note when sending the article back keeps its lines, loses the rest.
    const editor = await loginAs(app, 'redaktur');
    await c.post(writer, `/newsroom/artikel/${id}/tindakan`, { action: 'submit' });
    const back = await c.post(editor, `/newsroom/artikel/${id}/tindakan`, {
      action: 'return',
      note: `Perbaiki${NUL} judul\nlalu ${RLO}kirim lagi`,
    });
    expect(back.statusCode, back.body.slice(0, 300)).toBe(303);
    expect((await c.row(id)).editor_note).toBe('Perbaiki judul\nlalu kirim lagi');
  });
});
