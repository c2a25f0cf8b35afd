import type { Block } from '../../content/blocks.ts';
import { createArticle } from '../../content/commands.ts';
import { markPublished } from '../../content/publication.ts';
import { createSection } from '../../content/section-commands.ts';
import type { ArticleStatus } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { enqueueScheduledPublish } from '../../jobs/publish-scheduled.ts';
import { slugify } from '../../lib/slug.ts';
import { convertBody, excerptText } from './body.ts';
import { importComments } from './comments.ts';
import { person } from './people.ts';
import { type LegacyTarget, legacyKeysFor, recordLegacyPaths } from './redirects.ts';
import type { ImportKind } from './report.ts';
import { type Run, safeDecode, wpDate } from './run.ts';
import type { WxrItem } from './wxr-reader.ts';

/**
 * Posts and pages become articles through the content commands (status,
 * body blocks, featured photo, byline, section, tags), each with its old
 * addresses as redirects and its comments.
 */

/** The section of a post: its first known category, else Uncategorized's or Umum; pages go to Halaman. */
async function sectionFor(run: Run, item: WxrItem): Promise<number> {
  if (item.type === 'page') {
    if (run.pagesSection) return run.pagesSection;
    const found = await run.k
      .selectFrom('sections')
      .select('id')
      .where('slug', '=', 'halaman')
      .executeTakeFirst();
    run.pagesSection =
      found?.id ?? (await createSection(run.k, { slug: 'halaman', name: 'Halaman' }));
    return run.pagesSection;
  }
  for (const c of item.categories) {
    if (c.domain !== 'category') continue;
    const id = run.sections.get(c.slug);
    if (id) return id;
  }
  const fallback = run.sections.get('uncategorized');
  if (fallback) return fallback;
  const found = await run.k
    .selectFrom('sections')
    .select('id')
    .where('slug', '=', 'umum')
    .executeTakeFirst();
  const id = found?.id ?? (await createSection(run.k, { slug: 'umum', name: 'Umum' }));
  run.sections.set('uncategorized', id);
  return id;
}

/** The permalink path relative to the blog URL, decoded, without a trailing slash. */
function pathOf(run: Run, link: string): string | null {
  if (!link) return null;
  try {
    const base = new URL(run.cat.channel?.blogUrl || link);
    const u = new URL(link, base);
    const basePath = base.pathname.replace(/\/+$/, '');
    let p = u.pathname;
    if (basePath && p.startsWith(basePath)) p = p.slice(basePath.length) || '/';
    if (u.search && /^\?(p|page_id|attachment_id)=/.test(u.search)) return u.search;
    return safeDecode(p).replace(/\/+$/, '') || null;
  } catch {
    return null;
  }
}

/**
 * One item of the second pass: a new post or page is written with its comments;
 * an imported one gets its redirects and any new comments. Returns the new
 * article (with its publication time if published), or null.
 */
export async function importItem(
  run: Run,
  item: WxrItem,
): Promise<{ articleId: number; publishedAt: number | null } | null> {
  const kind: ImportKind = item.type === 'page' ? 'page' : 'post';
  if (item.type !== 'post' && item.type !== 'page') {
    if (item.type !== 'attachment')
      run.report('post', item.id, 'type-skipped', 'skipped', [item.type]);
    return null;
  }
  const status = item.status;
  const statusMap: Record<string, ArticleStatus> = {
    publish: 'published',
    future: 'scheduled',
    draft: 'draft',
    pending: 'submitted',
    private: 'unpublished',
  };
  const target = statusMap[status];
  if (!target) {
    run.report(kind, item.id, 'status-skipped', 'skipped', [status]);
    return null;
  }
  const existing = await run.mapped('post', item.id);
  if (existing) {
    run.counts[kind].existing++;
    run.media.noteUsedBy(item.content, item.meta._thumbnail_id);
    await legacyFor(run, item, existing);
    await importComments(run, item, existing);
    return null;
  }
  if (status === 'private')
    run.report(kind, item.id, 'status-changed', 'changed', [status, target]);
  if (item.sticky) run.report(kind, item.id, 'sticky-post', 'changed');

  const zone = run.config.timeZone;
  const date = wpDate(item.dateGmt, item.date, zone) ?? run.now();
  const body = await convertBody(item.content, (img) => run.media.bodyImage(img, item.id, kind));
  for (const what of body.unmapped) run.report(kind, item.id, 'body-unmapped', 'changed', [what]);
  const recognised = [
    body.dateline && `dateline "${body.dateline}"`,
    body.bylineInitials && `initials "${body.bylineInitials}"`,
    body.sourceCredit && `source "${body.sourceCredit}"`,
  ].filter(Boolean);
  if (recognised.length)
    run.report(kind, item.id, 'body-recognised', 'changed', [recognised.join(', ')]);

  let headline = item.title.replace(/\s+/g, ' ').trim();
  if (!headline) {
    const firstText = body.blocks.find((b) => b.type === 'paragraph');
    const words =
      firstText?.type === 'paragraph' ? firstText.content.map((r) => r.text).join('') : '';
    headline =
      [...words.split(/\s+/).slice(0, 10).join(' ')].slice(0, 120).join('').trim() || `#${item.id}`;
    run.report(kind, item.id, 'post-no-title', 'changed');
  }
  const slug = slugify(safeDecode(item.name)) || slugify(headline);
  const owner = run.slugOwners.get(slug);
  if (owner && owner !== item.id) run.report(kind, item.id, 'slug-duplicate', 'changed', [owner]);
  else run.slugOwners.set(slug, item.id);

  const thumb = item.meta._thumbnail_id;
  const featured = thumb ? await run.media.attachmentImage(thumb, item.id, kind) : null;
  const personId = await person(run, item.creator);
  const sectionId = await sectionFor(run, item);
  const tagNames = item.categories
    .filter((c) => c.domain === 'post_tag' && slugify(c.name))
    .map((c) => c.name.trim());
  const blocks: Block[] = body.blocks;
  const deck = excerptText(item.excerpt).slice(0, 500);

  const articleId = await inTransaction(run.k, async (tx) => {
    const id = await createArticle(tx, {
      headline: headline.slice(0, 500),
      slug,
      deck,
      sectionId,
      body: blocks,
      dateline: body.dateline,
      sourceCredit: body.sourceCredit,
      bylineInitials: body.bylineInitials,
      tagNames,
      personIds: personId ? [personId] : [],
      featured: featured
        ? { mediaId: featured.id, caption: featured.caption, alt: featured.alt }
        : undefined,
      commentsOpen: item.commentStatus !== 'closed',
      createdAt: date,
    });
    await tx
      .updateTable('articles')
      .set({ external_id: `wp:${run.site}:${item.id}` })
      .where('id', '=', id)
      .execute();
    await run.map('post', item.id, id, tx);
    if (target === 'published') {
      await markPublished(tx, id, date);
    } else if (target !== 'draft') {
      await tx
        .updateTable('articles')
        .set({
          status: target,
          scheduled_at: target === 'scheduled' ? date : null,
          submitted_at: target === 'submitted' ? date : null,
        })
        .where('id', '=', id)
        .execute();
    }
    return id;
  });
  if (target === 'scheduled' && !run.opts.dryRun)
    await enqueueScheduledPublish(run.db)(articleId, date);
  run.counts[kind].imported++;
  await legacyFor(run, item, articleId);
  await importComments(run, item, articleId);
  return { articleId, publishedAt: target === 'published' ? date : null };
}

/** The post's old addresses (and its attachments' pages) as redirects to the article. */
async function legacyFor(run: Run, item: WxrItem, articleId: number): Promise<void> {
  const target: LegacyTarget = { kind: 'article', id: articleId };
  const keys = legacyKeysFor(item, (l) => pathOf(run, l));
  for (const att of run.cat.attachments.values()) {
    if (att.parent !== item.id) continue;
    const p = pathOf(run, att.link);
    if (p) keys.push(p);
    keys.push(`?attachment_id=${att.id}`);
  }
  run.counts.redirect.imported += await recordLegacyPaths(
    run.k,
    keys.map((key) => ({ key, target })),
    run.now(),
  );
}
