import { renderToString } from 'preact-render-to-string';
import type { Config } from '../config.ts';
import type { Article, ArticleSummary, ImageRef, PersonRef, TagRef } from '../content/model.ts';
import { AppError } from '../lib/errors.ts';
import { contextWith } from '../site/context.ts';
import { ArticleBody } from '../site/views/body.tsx';
import { largestJpeg } from '../site/views/image.tsx';
import { absoluteUrl } from '../site/views/urls.ts';
import { ARTICLE_FIELDS, INCLUDES, SUMMARY_FIELDS } from './schemas.ts';

/**
 * Turns the content read path's objects (the same ones the pages render) into
 * the API's JSON, honouring `fields=` and `include=`. Unknown names are a 400
 * (API_BAD_FIELDS), never silently ignored, so a typo does not look like data loss.
 */

export type ArticleJson = Record<string, unknown> & { id: number };
type Field = (typeof ARTICLE_FIELDS)[number];
type Include = (typeof INCLUDES)[number];

/** What a request asked for: the fields to send and the relations to include. */
export interface Selection {
  fields: Set<Field>;
  include: Set<Include>;
}

function parseList<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
): Set<T> | null {
  if (raw === undefined) return null;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names)
    if (!(allowed as readonly string[]).includes(n)) throw new AppError('API_BAD_FIELDS', n);
  return new Set(names as T[]);
}

/** Parses `fields=` and `include=` for a list (`one` false) or one article. */
export function selection(q: { fields?: string; include?: string }, one: boolean): Selection {
  const allowed: readonly Field[] = one ? ARTICLE_FIELDS : SUMMARY_FIELDS;
  return {
    fields: parseList(q.fields, allowed) ?? new Set(allowed),
    include: parseList(q.include, INCLUDES) ?? new Set(),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

function imageJson(config: Config, img: ImageRef | null) {
  if (!img) return null;
  const src = largestJpeg(img);
  return {
    url: src ? absoluteUrl(config.siteUrl, src) : null,
    width: img.width,
    height: img.height,
    alt: img.alt,
    caption: img.caption,
    credit: img.credit,
    archive: img.archive,
  };
}

const byline = (p: PersonRef) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  initials: p.initials,
  url: p.url,
});
const tag = (t: TagRef) => ({ id: t.id, slug: t.slug, name: t.name, url: t.url });

/** One list item or article as JSON; `tags` are passed for summaries (articles carry their own). */
export function articleJson(
  config: Config,
  a: ArticleSummary | Article,
  sel: Selection,
  tags?: TagRef[],
): ArticleJson {
  const f = sel.fields;
  const out: ArticleJson = { id: a.id };
  if (f.has('slug')) out.slug = a.slug;
  if (f.has('url')) out.url = `${config.siteUrl}${a.url}`;
  if (f.has('path')) out.path = a.url;
  if (f.has('headline')) out.headline = a.headline;
  if (f.has('deck')) out.deck = a.deck;
  if (f.has('section')) out.section = { ...a.section };
  if (f.has('published_at')) out.published_at = iso(a.publishedAt);
  if (f.has('updated_at')) out.updated_at = iso(a.updatedAt);
  if ('body' in a) {
    if (f.has('dateline')) out.dateline = a.dateline;
    if (f.has('source_credit')) out.source_credit = a.sourceCredit;
    if (f.has('body')) out.body = a.body;
    if (f.has('body_html')) out.body_html = bodyHtml(config, a);
  }
  if (sel.include.has('bylines')) out.bylines = a.bylines.map(byline);
  if (sel.include.has('tags')) out.tags = ('tags' in a ? a.tags : (tags ?? [])).map(tag);
  if (sel.include.has('image')) out.image = imageJson(config, a.image);
  return out;
}

/** The body as the article page renders it (same view, so the same escaping), without "Baca juga" asides. */
export function bodyHtml(config: Config, article: Article): string {
  const ctx = contextWith(config, { css: '', js: '' });
  const items = article.body.map((block, index) => ({ kind: 'block' as const, block, index }));
  return renderToString(<ArticleBody ctx={ctx} article={article} items={items} />);
}
