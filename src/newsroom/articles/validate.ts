import { z } from 'zod';
import type { Block } from '../../content/blocks.ts';
import type { ArticleEdit } from '../../content/editable.ts';
import { sanitizeHtmlBlock } from '../../content/html-block.ts';
import { plainText } from '../../lib/plain-text.ts';
import { isReservedSlug } from '../../lib/slug.ts';
import { cleanHref, embedFromUrl } from './blocks-convert.ts';
import type { ArticleMessages } from './messages.ts';
import type { ArticleEditBody } from './schemas.ts';

/**
 * Validation of the article form, whether it comes as a form post (strings)
 * or as JSON from the editor script (same field names, body as Block[]).
 * Plain fields must be strings: an array or object where text is expected is
 * refused, never coerced. HTML in plain fields is just text (views escape it).
 * The body is checked block by block with zod; nothing but Block[] is stored,
 * and its text is cleaned of control and text-direction characters like every
 * plain field (`plainText`: running text and quotes keep tabs and line breaks).
 */

export const LIMITS = {
  headline: 200,
  deck: 500,
  slug: 120,
  dateline: 60,
  sourceCredit: 120,
  bylineInitials: 40,
  tag: 60,
  tags: 20,
  byline: 100,
  bylines: 6,
  caption: 500,
  credit: 150,
  alt: 300,
  seoTitle: 120,
  seoDescription: 320,
  pins: 3,
  blocks: 2000,
  text: 20_000,
  note: 1000,
  html: 200_000,
} as const;

/** Text inside a block: one line (headings, captions) or running text. */
const line = (max: number) => plainText().max(max);
const running = (max: number) => plainText({ multiline: true }).max(max);

const run = z
  .object({
    text: running(LIMITS.text),
    marks: z
      .array(z.enum(['bold', 'italic', 'link']))
      .max(3)
      .optional(),
    href: z.string().max(2000).optional(),
  })
  .strict();
const short = (max: number) => line(max).optional();

/** The stored block shapes, strictly: unknown keys and types are refused. */
export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: z.array(run).max(500) }).strict(),
  z
    .object({
      type: z.literal('heading'),
      level: z.union([z.literal(2), z.literal(3)]),
      text: line(LIMITS.headline * 2),
    })
    .strict(),
  z.object({ type: z.literal('quote'), text: running(LIMITS.text), cite: short(200) }).strict(),
  z
    .object({
      type: z.literal('list'),
      ordered: z.boolean(),
      items: z.array(z.array(run).max(200)).max(200),
    })
    .strict(),
  z
    .object({
      type: z.literal('image'),
      mediaId: z.number().int().positive(),
      caption: short(LIMITS.caption),
      credit: short(LIMITS.credit),
      alt: short(LIMITS.alt),
    })
    .strict(),
  z
    .object({
      type: z.literal('embed'),
      provider: z.enum(['youtube', 'x', 'instagram']),
      url: z.string().max(2000),
      title: short(300),
    })
    .strict(),
  z
    .object({
      type: z.literal('html'),
      html: z.string().max(LIMITS.html),
      label: short(60),
    })
    .strict(),
  z.object({ type: z.literal('related'), articleId: z.number().int().positive() }).strict(),
]);
export const bodySchema = z.array(blockSchema).max(LIMITS.blocks);

/**
 * Drops unsafe links (keeping the text) and embeds that are not YouTube/X/Instagram;
 * html blocks go through the html-block allowlist (and vanish only when nothing is left).
 */
export function sanitizeBody(blocks: Block[]): Block[] {
  const cleanRuns = (
    runs: { text: string; marks?: ('bold' | 'italic' | 'link')[]; href?: string }[],
  ) =>
    runs.map((r) => {
      const href = r.marks?.includes('link') ? cleanHref(r.href) : null;
      const marks = (r.marks ?? []).filter((m) => m !== 'link' || href);
      return { text: r.text, ...(marks.length ? { marks } : {}), ...(href ? { href } : {}) };
    });
  return blocks.flatMap((b): Block[] => {
    if (b.type === 'paragraph') return [{ ...b, content: cleanRuns(b.content) }];
    if (b.type === 'list') return [{ ...b, items: b.items.map(cleanRuns) }];
    if (b.type === 'embed') {
      const found = embedFromUrl(b.url);
      return found ? [{ ...b, ...found }] : [];
    }
    if (b.type === 'html') {
      const html = sanitizeHtmlBlock(b.html);
      return html ? [{ ...b, html }] : [];
    }
    return [b];
  });
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export type FieldErrors = Record<string, string>;
export type ParsedForm =
  | { ok: true; edit: ArticleEdit; version: number }
  | { ok: false; errors: FieldErrors };

/** Mediates the two transports: form posts carry strings, JSON carries typed values. */
function asText(v: unknown): string | undefined | null {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  return null;
}

function asBool(v: unknown): boolean | null {
  if (v === undefined || v === '' || v === '0' || v === 'false' || v === false) return false;
  if (v === '1' || v === 'on' || v === 'true' || v === true) return true;
  return null;
}

function asInt(v: unknown): number | null | undefined {
  if (v === undefined || v === '' || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 2 ** 31) return v;
  if (typeof v === 'string' && /^[1-9]\d{0,9}$/.test(v.trim()) && Number(v) < 2 ** 31)
    return Number(v);
  return null;
}

function list(v: string, max: number): string[] {
  return [
    ...new Set(
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ].slice(0, max + 1);
}

/**
 * Parses the article form into an ArticleEdit plus the writer's version.
 * `autosave` tolerates an empty headline (work in progress must never be lost).
 * Errors are per field, in the staff member's language.
 */
export function parseArticleForm(
  input: ArticleEditBody,
  m: ArticleMessages,
  opts: { autosave?: boolean } = {},
): ParsedForm {
  const errors: FieldErrors = {};
  const text = (field: keyof ArticleEditBody & string, max: number, required = false): string => {
    const v = asText(input[field]);
    if (v === null) {
      errors[field] = m.invalid.notText;
      return '';
    }
    const value = (v ?? '').trim();
    if (required && value === '') errors[field] = m.invalid.required;
    else if (value.length > max) errors[field] = m.invalid.tooLong(max);
    return value;
  };

  const version = asInt(input.version);
  if (version == null) errors.version = m.invalid.notNumber;
  const headline = text('headline', LIMITS.headline, !opts.autosave);
  const deck = text('deck', LIMITS.deck);
  const slug = text('slug', LIMITS.slug).toLowerCase();
  if (slug && !errors.slug && (!SLUG.test(slug) || isReservedSlug(slug) || /^\d+$/.test(slug))) {
    errors.slug = m.invalid.slug;
  }
  const sectionId = asInt(input.sectionId);
  if (sectionId == null)
    errors.sectionId = sectionId === undefined ? m.invalid.required : m.invalid.section;
  const dateline = text('dateline', LIMITS.dateline);
  const sourceCredit = text('sourceCredit', LIMITS.sourceCredit);
  const bylineInitials = text('bylineInitials', LIMITS.bylineInitials);
  const tags = list(text('tags', 2000), LIMITS.tags);
  if (tags.length > LIMITS.tags) errors.tags = m.invalid.tooMany(LIMITS.tags);
  else if (tags.some((t) => t.length > LIMITS.tag)) errors.tags = m.invalid.tooLong(LIMITS.tag);
  const bylines = list(text('bylines', 1000), LIMITS.bylines);
  if (bylines.length > LIMITS.bylines) errors.bylines = m.invalid.tooMany(LIMITS.bylines);
  else if (bylines.some((b) => b.length > LIMITS.byline))
    errors.bylines = m.invalid.tooLong(LIMITS.byline);
  const featuredMediaId = asInt(input.featuredMediaId);
  if (featuredMediaId === null) errors.featuredMediaId = m.invalid.media;
  const featuredCaption = text('featuredCaption', LIMITS.caption);
  const featuredCredit = text('featuredCredit', LIMITS.credit);
  const featuredAlt = text('featuredAlt', LIMITS.alt);
  const featuredArchive = asBool(input.featuredArchive);
  if (featuredArchive === null) errors.featuredArchive = m.invalid.notText;
  const commentsOpen = asBool(input.commentsOpen);
  if (commentsOpen === null) errors.commentsOpen = m.invalid.notText;
  const seoTitle = text('seoTitle', LIMITS.seoTitle);
  const seoDescription = text('seoDescription', LIMITS.seoDescription);

  let pins: number[] = [];
  const pinsRaw = asText(input.pins);
  if (pinsRaw === null) errors.pins = m.invalid.pins;
  else {
    const parts = list(pinsRaw ?? '', LIMITS.pins);
    pins = parts.map((p) => asInt(p) ?? 0);
    if (parts.length > LIMITS.pins || pins.some((p) => p <= 0)) errors.pins = m.invalid.pins;
  }

  let body: Block[] = [];
  let bodyRaw: unknown = input.body ?? '[]';
  if (typeof bodyRaw === 'string') {
    try {
      bodyRaw = JSON.parse(bodyRaw);
    } catch {
      bodyRaw = null;
    }
  }
  const parsedBody = bodySchema.safeParse(bodyRaw);
  if (parsedBody.success) body = sanitizeBody(parsedBody.data);
  else errors.body = m.invalid.body;

  if (Object.keys(errors).length > 0 || version == null || sectionId == null)
    return { ok: false, errors };
  return {
    ok: true,
    version,
    edit: {
      headline,
      deck,
      slug,
      sectionId,
      body,
      dateline,
      sourceCredit,
      bylineInitials,
      tags,
      bylines,
      featured: {
        mediaId: featuredMediaId ?? null,
        caption: featuredCaption,
        credit: featuredCredit,
        alt: featuredAlt,
        archive: featuredArchive === true,
      },
      pins,
      commentsOpen: commentsOpen === true,
      seoTitle,
      seoDescription,
    },
  };
}

/** Media ids an edit uses (featured photo and body images), for existence and alt-text checks. */
export function mediaIdsOf(edit: ArticleEdit): number[] {
  const ids = edit.body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : []));
  if (edit.featured.mediaId != null) ids.push(edit.featured.mediaId);
  return [...new Set(ids)];
}
