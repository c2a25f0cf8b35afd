import sharp from 'sharp';
import { paragraph } from '../src/content/blocks.js';
import {
  createArticle,
  createPerson,
  createSection,
  publishArticle,
} from '../src/content/commands.js';
import { EventBus } from '../src/lib/events.js';
import { addImage } from '../src/media/library.js';

let counter = 0;
const next = () => ++counter;
/** A plausible article body: `n` paragraphs of our own test prose. */
export function buildBody(n = 6) {
  return Array.from({ length: n }, (_, i) =>
    paragraph(
      `Paragraf uji ke-${i + 1}: warga desa membahas jadwal gotong royong di balai banjar.`,
    ),
  );
}
/** Article input with sensible defaults; override any field. */
export function buildArticle(sectionId, overrides = {}) {
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
export async function makeSection(db, name = 'Daerah', parentSlug) {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${next()}`;
  const id = await createSection(db.kysely, { slug, name, parentSlug });
  return { id, slug, name };
}
/** A byline person with a unique slug. */
export async function makePerson(db, name = 'Wayan Uji') {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${next()}`;
  const id = await createPerson(db.kysely, { slug, name, initials: 'Uji', bio: 'Wartawan uji.' });
  return { id, slug, name };
}
/** A small generated JPEG stored in the media library. */
export async function makeImage(db, mediaDir, meta = {}) {
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
  db,
  sectionId,
  overrides = {},
  publishedAt = Date.now() - 3_600_000,
  events = new EventBus(),
) {
  const input = buildArticle(sectionId, overrides);
  const id = await createArticle(db.kysely, input);
  await publishArticle(db.kysely, events, id, publishedAt);
  return { id, ...input };
}
//# sourceMappingURL=factories.js.map
