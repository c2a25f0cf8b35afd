import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import type { Config } from '../config.ts';
import { paragraph } from '../content/blocks.ts';
import { deleteArticle, unpublishArticle } from '../content/publication.ts';
import { EventBus } from '../lib/events.ts';
import { wireListeners } from '../listeners.ts';
import { relatedIds, STORED_RELATED } from './related-store.ts';

const HOUR = 3_600_000;
const body = (...p: string[]) => p.map((t) => paragraph(t));

describe.each(DIALECTS)('related articles (%s)', (dialect) => {
  let t: TestDb;
  let events: EventBus;
  let sectionId: number;
  const publish = (headline: string, text: string[], tags: string[], hoursAgo: number) =>
    publishedArticle(
      t.db,
      sectionId,
      { headline, body: body(...text), tagNames: tags },
      Date.now() - hoursAgo * HOUR,
      events,
    );

  beforeAll(async () => {
    t = await freshDb(dialect);
    events = new EventBus((err) => {
      throw err;
    });
    wireListeners(events, t.db, {} as Config);
    sectionId = (await makeSection(t.db)).id;
  });
  afterAll(() => t.dispose());

  it('finds the same story, not a shared surface word, and links forward', async () => {
    const w1 = await publish(
      'NATO peringatkan ancaman senjata nuklir Rusia',
      [
        'Sekretaris Jenderal NATO memperingatkan Rusia agar tidak menggunakan senjata nuklir.',
        'Ancaman nuklir Moskwa dinilai berbahaya.',
      ],
      ['Senjata Nuklir'],
      50,
    );
    const p1 = await publish(
      'Pemerintah siapkan pembangkit listrik tenaga nuklir',
      [
        'Pembangkit listrik tenaga nuklir dibangun di Kalimantan Barat.',
        'Reaktor modular dipilih karena murah.',
      ],
      ['PLTN'],
      40,
    );
    const p2 = await publish(
      'BRIN kaji keselamatan reaktor pembangkit nuklir',
      [
        'Reaktor modular untuk pembangkit listrik tenaga nuklir dikaji keselamatannya.',
        'Limbah radioaktif dikelola.',
      ],
      ['PLTN'],
      30,
    );
    const w2 = await publish(
      'Rusia uji rudal berkemampuan senjata nuklir',
      [
        'Rusia menguji rudal yang mampu membawa hulu ledak senjata nuklir.',
        'NATO menilai ancaman penggunaan nuklir meningkat.',
      ],
      ['Senjata Nuklir'],
      20,
    );
    expect((await relatedIds(t.db.kysely, w2.id))[0]).toBe(w1.id);
    // Forward: the older story now links to the newer one first.
    expect((await relatedIds(t.db.kysely, w1.id))[0]).toBe(w2.id);
    expect((await relatedIds(t.db.kysely, p2.id))[0]).toBe(p1.id);
    for (const id of [w1.id, w2.id, p1.id, p2.id]) {
      expect(await relatedIds(t.db.kysely, id)).not.toContain(id);
    }
  });

  it('leaves out near-identical copies and removes unpublished and deleted articles', async () => {
    const text = [
      'Banjir merendam ratusan rumah di Denpasar setelah hujan deras.',
      'Warga mengungsi ke balai banjar.',
    ];
    const a = await publish('Banjir rendam ratusan rumah di Denpasar', text, ['Banjir'], 10);
    const b = await publish('Banjir rendam ratusan rumah di Denpasar', text, ['Banjir'], 9);
    const c = await publish(
      'Pengungsi banjir Denpasar terserang penyakit kulit',
      ['Pengungsi banjir di Denpasar mulai sakit.', 'Dinas kesehatan membuka posko.'],
      ['Banjir'],
      8,
    );
    const d = await publish(
      'Banjir bandang terjang Jembrana',
      ['Banjir bandang merendam rumah warga Jembrana.', 'Warga mengungsi.'],
      ['Banjir'],
      7,
    );
    const listC = await relatedIds(t.db.kysely, c.id);
    expect(listC.filter((id) => id === a.id || id === b.id).length).toBe(1);
    expect(await relatedIds(t.db.kysely, a.id)).not.toContain(b.id);

    await unpublishArticle(t.db.kysely, events, d.id);
    for (const id of [a.id, c.id]) expect(await relatedIds(t.db.kysely, id)).not.toContain(d.id);
    expect(await relatedIds(t.db.kysely, d.id)).toEqual([]);
    await deleteArticle(t.db.kysely, events, c.id);
    expect(await relatedIds(t.db.kysely, a.id)).not.toContain(c.id);
  });

  it('links a new article forward into full lists without growing them', async () => {
    const places =
      'Tabanan Badung Bangli Karangasem Klungkung Buleleng Negara Ubud Kuta Sanur Amed Candidasa Kintamani Bedugul'.split(
        ' ',
      );
    const ids: number[] = [];
    for (const [i, place] of places.entries()) {
      const a = await publish(
        `Harga cabai rawit di pasar ${place} melonjak`,
        [
          `Harga cabai rawit di pasar ${place} naik menjadi ${60 + i} ribu rupiah per kilogram.`,
          `Pedagang ${place} menyebut pasokan cabai dari petani berkurang karena hujan.`,
        ],
        ['Harga Cabai'],
        60 - i,
      );
      ids.push(a.id);
    }
    const first = ids[0] as number;
    expect((await relatedIds(t.db.kysely, first, 99)).length).toBe(STORED_RELATED);
    const late = await publish(
      'Cabai rawit Tabanan kembali melonjak, pedagang pasar mengeluh',
      [
        'Harga cabai rawit di pasar Tabanan kembali naik, pedagang mengeluh pembeli sepi.',
        'Petani Tabanan gagal panen cabai karena hujan.',
      ],
      ['Harga Cabai'],
      1,
    );
    const list = await relatedIds(t.db.kysely, first, 99);
    expect(list).toContain(late.id);
    expect(list.length).toBe(STORED_RELATED);
    for (const id of ids) {
      expect((await relatedIds(t.db.kysely, id, 99)).length).toBeLessThanOrEqual(STORED_RELATED);
    }
  });
});
