import { diffWords } from 'diff';
import type { Block } from '../../content/blocks.ts';
import { createArticle } from '../../content/commands.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../lib/errors.ts';
import type { EventBus } from '../../lib/events.ts';
import { uploadImage } from '../../media/library.ts';
import type { MediaTarget } from '../../media/storage.ts';
import { audit } from '../../newsroom/audit.ts';
import { can, type Role } from '../../newsroom/policy.ts';
import { FetchFailed } from './fetcher.ts';
import { appendReport, getSource } from './store.ts';
import { itemBlocks } from './store-items.ts';

/**
 * "Ambil": a wire item becomes a draft in the normal workflow, owned by the
 * editor who took it: the text as blocks, the agency's credit, the dateline,
 * the agency photo imported into the media library with its caption and
 * credit, the source link in the article's note and the editor's initials.
 * Refused while the item is under embargo. The take is recorded, so a later
 * version from the agency shows on the draft as a diff.
 */

export interface TakeProps {
  db: Db;
  events: EventBus;
  /** The media storage (or a local media folder). */
  media: MediaTarget;
  /** The staff member taking the item. */
  actor: { id: number; role: Role; name: string };
  itemId: number;
  ipHash?: string;
  now?: number;
  /** Deadline and size limit for downloading the agency photo. */
  photoLimits?: { timeoutMs: number; maxBytes: number };
}

/** "Rina Dewi" → "RD": prefilled byline initials. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 6);
}

const LEAD_DATELINE =
  /^([A-ZÀ-Þ][A-ZÀ-Þ .'-]{1,40}?)\s*,?\s*(?:\([^)]{1,40}\)|[A-Z][A-Za-z]{1,20})?\s*[-–—]\s+/;

/** Takes "JAKARTA (ANTARA) - " (or "KUPANG, Antara -") off the first paragraph and returns the place. */
export function splitDateline(blocks: Block[]): { dateline: string; blocks: Block[] } {
  const first = blocks[0];
  if (first?.type !== 'paragraph' || !first.content[0]) return { dateline: '', blocks };
  const m = LEAD_DATELINE.exec(first.content[0].text);
  if (!m?.[1]) return { dateline: '', blocks };
  const rest = { ...first.content[0], text: first.content[0].text.slice(m[0].length) };
  return {
    dateline: m[1].trim(),
    blocks: [{ ...first, content: [rest, ...first.content.slice(1)] }, ...blocks.slice(1)],
  };
}

async function downloadPhoto(
  url: string,
  limits: { timeoutMs: number; maxBytes: number },
): Promise<Buffer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const res = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (res.status !== 200) throw new FetchFailed('http-status', String(res.status));
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body?.getReader();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) {
        await reader.cancel().catch(() => {});
        throw new FetchFailed('too-large', url);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  } finally {
    clearTimeout(timer);
  }
}

/** Makes the draft; returns its id and whether the photo could be imported. */
export async function takeWireItem(
  p: TakeProps,
): Promise<{ articleId: number; photo: 'none' | 'imported' | 'failed' }> {
  if (!can(p.actor.role, 'wire.take')) throw new AppError('FORBIDDEN');
  const k = p.db.kysely;
  const now = p.now ?? Date.now();
  const item = await k
    .selectFrom('wire_items')
    .selectAll()
    .where('id', '=', p.itemId)
    .executeTakeFirst();
  if (!item) throw new AppError('NOT_FOUND');
  if (item.embargo_until !== null && Number(item.embargo_until) > now)
    throw new AppError('WIRE_EMBARGOED');
  const source = await getSource(k, item.source_id);
  if (!source) throw new AppError('NOT_FOUND');
  let sectionId = item.section_id ?? source.section_id;
  if (sectionId === null) {
    const first = await k
      .selectFrom('sections')
      .select('id')
      .orderBy('position')
      .orderBy('id')
      .executeTakeFirst();
    if (!first) throw new AppError('ARTICLE_INVALID');
    sectionId = first.id;
  }
  const split = splitDateline(itemBlocks(item));
  const dateline = item.dateline || split.dateline;

  let featured: { mediaId: number; caption: string; credit: string; alt: string } | undefined;
  let photo: 'none' | 'imported' | 'failed' = 'none';
  if (item.image_url) {
    const credit = (source.photo_credit || item.image_credit || source.credit).slice(0, 200);
    const caption = item.image_caption.slice(0, 1000);
    const alt = (caption || item.headline).slice(0, 500);
    try {
      const file = await downloadPhoto(
        item.image_url,
        p.photoLimits ?? { timeoutMs: 15_000, maxBytes: 20 * 1024 * 1024 },
      );
      const up = await uploadImage(
        k,
        p.media,
        file,
        { caption, credit, alt, uploadedBy: p.actor.id, originalName: 'kawat.jpg' },
        now,
      );
      featured = { mediaId: up.id, caption, credit, alt };
      photo = 'imported';
    } catch (err) {
      photo = 'failed';
      const detail =
        err instanceof AppError ? err.code : err instanceof FetchFailed ? err.message : 'download';
      await appendReport(k, source.id, {
        code: 'bad-image',
        guid: item.guid,
        detail: `${detail}: ${item.image_url}`.slice(0, 300),
      });
    }
  }

  const articleId = await createArticle(k, {
    headline: item.headline,
    slug: undefined,
    sectionId,
    body: split.blocks,
    dateline,
    sourceCredit: source.credit,
    bylineInitials: initialsOf(p.actor.name),
    featured,
    authorId: p.actor.id,
    editorNote: item.url
      ? `Sumber kawat (${source.credit || source.name}): ${item.url}`
      : `Sumber kawat: ${source.credit || source.name}`,
    createdAt: now,
  });
  await k
    .insertInto('wire_takes')
    .values({
      item_id: item.id,
      article_id: articleId,
      taken_version: item.version,
      taken_headline: item.headline,
      taken_text: item.body_text,
      taken_by: p.actor.id,
      taken_at: now,
    })
    .execute();
  await audit(p.db, {
    actorId: p.actor.id,
    action: 'wire.taken',
    target: `article:${articleId}`,
    detail: `wire item ${item.id} (${source.name} ${item.guid})`.slice(0, 300),
    ipHash: p.ipHash ?? '',
  });
  await p.events.emit('wire.taken', { itemId: item.id, articleId });
  return { articleId, photo };
}

export interface WireUpdateNotice {
  itemId: number;
  credit: string;
  takenVersion: number;
  currentVersion: number;
  headline: { op: 'same' | 'ins' | 'del'; text: string }[];
  body: { op: 'same' | 'ins' | 'del'; text: string }[];
}

function parts(a: string, b: string) {
  return diffWords(a, b).map((c) => ({
    op: c.added ? ('ins' as const) : c.removed ? ('del' as const) : ('same' as const),
    text: c.value,
  }));
}

/**
 * For the article editor: when the agency sent a newer version of the item a
 * draft was taken from, what changed (word diff of headline and text).
 */
export async function wireUpdateFor(db: Db, articleId: number): Promise<WireUpdateNotice | null> {
  const k = db.kysely;
  const take = await k
    .selectFrom('wire_takes as t')
    .innerJoin('wire_items as i', 'i.id', 't.item_id')
    .innerJoin('wire_sources as s', 's.id', 'i.source_id')
    .select([
      't.item_id',
      't.taken_version',
      't.taken_headline',
      't.taken_text',
      'i.version',
      'i.headline',
      'i.body_text',
      's.credit',
      's.name',
    ])
    .where('t.article_id', '=', articleId)
    .orderBy('t.id', 'desc')
    .executeTakeFirst();
  if (!take || take.version <= take.taken_version) return null;
  return {
    itemId: take.item_id,
    credit: take.credit || take.name,
    takenVersion: take.taken_version,
    currentVersion: take.version,
    headline: parts(take.taken_headline, take.headline),
    body: parts(take.taken_text, take.body_text),
  };
}
