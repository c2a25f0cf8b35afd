import sharp from 'sharp';
import type { Block } from '../src/content/blocks.ts';
import { paragraph } from '../src/content/blocks.ts';
import { type ArticleInput, createArticle, createPerson } from '../src/content/commands.ts';
import { publishArticle } from '../src/content/publication.ts';
import { createSection } from '../src/content/section-commands.ts';
import type { Db } from '../src/db/connection.ts';
import { EventBus } from '../src/lib/events.ts';
import { addImage } from '../src/media/library.ts';

let counter = 0;
const next = () => ++counter;

/** A plausible article body: `n` paragraphs of our own test prose. */
export function buildBody(n = 6): Block[] {
  return Array.from({ length: n }, (_, i) =>
    paragraph(
      `Paragraf uji ke-${i + 1}: warga desa membahas jadwal gotong royong di balai banjar.`,
    ),
  );
}

/** Article input with sensible defaults; override any field. */
export function buildArticle(
  sectionId: number,
  overrides: Partial<ArticleInput> = {},
): ArticleInput {
  const n = next();
  return {
    headline: `Berita uji nomor ${n} tentang jalan desa`,
    deck: `Ringkasan berita uji nomor ${n}.`,
    sectionId,
    body: buildBody(),
    dateline: 'DENPASAR',
    bylineInitials: 'Uji/Warta',
    tagNames: ['Jalan Desa'],
    ...overrides,
  };
}

/** A section with a unique slug. */
export async function makeSection(db: Db, name = 'Daerah', parentSlug?: string) {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${next()}`;
  const id = await createSection(db.kysely, { slug, name, parentSlug });
  return { id, slug, name };
}

/** A byline person with a unique slug. */
export async function makePerson(db: Db, name = 'Wayan Uji') {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${next()}`;
  const id = await createPerson(db.kysely, { slug, name, initials: 'Uji', bio: 'Wartawan uji.' });
  return { id, slug, name };
}

/** A small generated JPEG stored in the media library. */
export async function makeImage(db: Db, mediaDir: string, meta = {}) {
  const jpeg = await sharp({
    create: { width: 1200, height: 675, channels: 3, background: { r: 40, g: 120, b: 160 } },
  })
    .jpeg()
    .toBuffer();
  return addImage(db.kysely, mediaDir, jpeg, {
    caption: 'Foto uji',
    credit: 'Warta/Uji',
    alt: 'Foto uji',
    ...meta,
  });
}

/** Creates and publishes an article (at `publishedAt`, default one hour ago). */
export async function publishedArticle(
  db: Db,
  sectionId: number,
  overrides: Partial<ArticleInput> = {},
  publishedAt = Date.now() - 3_600_000,
  events = new EventBus(),
) {
  const input = buildArticle(sectionId, overrides);
  const id = await createArticle(db.kysely, input);
  await publishArticle(db.kysely, events, id, publishedAt);
  return { id, ...input };
}
