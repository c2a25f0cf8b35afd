import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { importComment } from '../../comments/import-comment.ts';
import { loadSettings } from '../../comments/settings.ts';
import type { Config } from '../../config.ts';
import type { Block } from '../../content/blocks.ts';
import {
  createArticle,
  createPerson,
  createSection,
  ensureTag,
  markPublished,
} from '../../content/commands.ts';
import { importHomeLead } from '../../content/home-lead.ts';
import type { Db } from '../../db/connection.ts';
import type { ArticleStatus, Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { indexArticle } from '../../discovery/indexing.ts';
import { rebuildRelatedIndex } from '../../discovery/related-bulk.ts';
import { enqueueScheduledPublish } from '../../jobs/publish-scheduled.ts';
import { EventBus } from '../../lib/events.ts';
import { isReservedSlug, slugify } from '../../lib/slug.ts';
import { sendInvitation } from '../../newsroom/resets.ts';
import { createUser, isValidEmail } from '../../newsroom/users.ts';
import { initialsOf } from '../jsonl.ts';
import { convertBody, excerptText } from './body.ts';
import { commentText } from './html.ts';
import { type ImageSource, MediaImporter, originalKey, uploadPath } from './media.ts';
import type { ReasonCode } from './messages.ts';
import { type LegacyTarget, legacyKeysFor, recordLegacyPaths } from './redirects.ts';
import { type Counts, emptyCounts, type ImportKind, type ReportEntry } from './report.ts';
import {
  readWxrFile,
  type WxrAuthor,
  type WxrChannel,
  type WxrError,
  type WxrItem,
  type WxrRecord,
  type WxrTerm,
} from './wxr-reader.ts';

/**
 * `warta import wordpress`: a WordPress export into Warta in two streaming
 * passes (the first learns authors, terms and attachments, the second writes
 * posts with their comments). Every write is keyed in `wp_import_map` by the
 * site URL, the kind and the WordPress id, so a second run adds nothing and
 * `--resume` after a kill ends where an uninterrupted run would. Articles go
 * through the content commands and publishing announces itself, so search,
 * related stories and caches follow as for the newsroom's own stories.
 */

type K = Kysely<Database>;

export interface WpImportOptions {
  uploadsDir?: string;
  mediaBase?: string;
  /** Create staff accounts (no password; an invitation through the outbox) for authors. */
  staff?: boolean;
  dryRun?: boolean;
  resume?: boolean;
  fileName?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * Bulk mode (the CLI's): no `article.published` event per post; the search
   * index and the related-articles index are brought up to date once at the
   * end for every post of this site's imports (so a resumed run is covered).
   */
  bulk?: boolean;
  /** Progress of the bulk indexing phase (search, then related), after `onProgress`. */
  onIndexProgress?: (done: number, total: number) => void;
  /** Tests: stop (as a kill would) after this many posts. */
  stopAfterPosts?: number;
  /** Where images come from (tests hand in their own fetch-free source). */
  imageSource?: ImageSource;
  now?: () => number;
}

export interface WpImportResult {
  runId: number | null;
  site: string;
  counts: Counts;
  entries: ReportEntry[];
  /** The XML error that stopped the reading, if any (what came before is imported). */
  error: WxrError | null;
}

/** Thrown when an unfinished run exists and `--resume` was not given. */
export class UnfinishedImportError extends Error {
  constructor(readonly runId: number) {
    super(`import #${runId} did not finish`);
  }
}

class Interrupted extends Error {}
class DryRunRollback extends Error {}

/** The site key: scheme-less, lowercased host, no trailing slash. */
export function siteKey(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

const ZONE_OFFSET_H: Record<Config['timeZone'], number> = { WIB: 7, WITA: 8, WIT: 9 };

/** WordPress's `Y-m-d H:i:s`: GMT when given, else local time in the site's zone. */
export function wpDate(gmt: string, local: string, zone: Config['timeZone']): number | null {
  const parse = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s.trim());
    if (!m || m[1] === '0000') return null;
    const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return Date.UTC(y, mo - 1, d, h, mi, se);
  };
  const g = parse(gmt);
  if (g !== null) return g;
  const l = parse(local);
  return l === null ? null : l - ZONE_OFFSET_H[zone] * 3_600_000;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

interface Attachment {
  id: string;
  url: string;
  link: string;
  parent: string;
  caption: string;
  alt: string;
  title: string;
}

/** What the first pass learns. */
interface Catalogue {
  channel: WxrChannel | null;
  authors: Map<string, WxrAuthor>;
  authorIds: Set<string>;
  terms: WxrTerm[];
  attachments: Map<string, Attachment>;
  items: number;
  error: WxrError | null;
}

async function* guarded(records: AsyncGenerator<WxrRecord>, sink: { error: WxrError | null }) {
  try {
    yield* records;
  } catch (err) {
    if ((err as Error).name !== 'WxrError') throw err;
    sink.error = err as WxrError;
  }
}

async function firstPass(path: string): Promise<Catalogue> {
  const cat: Catalogue = {
    channel: null,
    authors: new Map(),
    authorIds: new Set(),
    terms: [],
    attachments: new Map(),
    items: 0,
    error: null,
  };
  for await (const r of guarded(readWxrFile(path), cat)) {
    if (r.kind === 'channel') cat.channel = r.channel;
    else if (r.kind === 'author') {
      cat.authors.set(r.author.login, r.author);
      cat.authorIds.add(r.author.id);
    } else if (r.kind === 'term') cat.terms.push(r.term);
    else {
      cat.items++;
      const it = r.item;
      if (it.type === 'attachment') {
        cat.attachments.set(it.id, {
          id: it.id,
          url: it.attachmentUrl || it.link,
          link: it.link,
          parent: it.parent,
          caption: excerptText(it.excerpt),
          alt: it.meta._wp_attachment_image_alt ?? '',
          title: it.title,
        });
      }
    }
  }
  return cat;
}

/** One import run's state. */
class Run {
  readonly entries: ReportEntry[] = [];
  private readonly seen = new Set<string>();
  readonly counts = emptyCounts();
  readonly sections = new Map<string, number>();
  readonly sectionSlugs = new Map<string, string>();
  readonly tags = new Map<string, { id: number; slug: string }>();
  readonly people = new Map<string, number>();
  readonly slugOwners = new Map<string, string>();
  maxDepth = 2;
  pagesSection: number | null = null;

  constructor(
    readonly db: Db,
    readonly k: K,
    readonly site: string,
    readonly config: Config,
    readonly opts: WpImportOptions,
    readonly cat: Catalogue,
    readonly media: MediaImporter,
  ) {}

  now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  report(
    kind: ImportKind,
    wpId: string,
    code: ReasonCode,
    outcome: ReportEntry['outcome'],
    args?: string[],
  ) {
    const key = `${kind}|${wpId}|${code}|${args?.join('|') ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.entries.push(args ? { kind, wpId, code, outcome, args } : { kind, wpId, code, outcome });
    if (outcome !== 'changed') this.counts[kind][outcome]++;
  }

  async mapped(kind: string, wpId: string, k: K = this.k): Promise<number | undefined> {
    const row = await k
      .selectFrom('wp_import_map')
      .select('warta_id')
      .where('site', '=', this.site)
      .where('kind', '=', kind)
      .where('wp_id', '=', wpId)
      .executeTakeFirst();
    return row?.warta_id;
  }

  async map(kind: string, wpId: string, wartaId: number, k: K = this.k): Promise<void> {
    await k
      .insertInto('wp_import_map')
      .values({ site: this.site, kind, wp_id: wpId, warta_id: wartaId, created_at: this.now() })
      .onConflict((oc) => oc.columns(['site', 'kind', 'wp_id']).doNothing())
      .execute();
  }

  // --- sections and tags --------------------------------------------------

  async importTerms(): Promise<void> {
    const cats = this.cat.terms.filter((t) => t.kind === 'category');
    const bySlug = new Map(cats.map((c) => [c.slug, c]));
    const topOf = (c: WxrTerm): { top: WxrTerm; depth: number } => {
      let top = c;
      let depth = 0;
      const seen = new Set<string>();
      while (top.parent && bySlug.has(top.parent) && !seen.has(top.parent)) {
        seen.add(top.parent);
        top = bySlug.get(top.parent) as WxrTerm;
        depth++;
      }
      return { top, depth };
    };
    const ordered = cats.map((c) => ({ c, ...topOf(c) })).sort((a, b) => a.depth - b.depth);
    for (const { c, top, depth } of ordered) {
      const parentSlug = depth === 0 ? undefined : this.sectionSlugs.get(top.slug);
      if (depth > 1) this.report('section', c.id, 'section-flattened', 'changed');
      const existing = await this.mapped('category', c.id);
      if (existing) {
        this.counts.section.existing++;
        this.sections.set(c.slug, existing);
        const row = await this.k
          .selectFrom('sections')
          .select('slug')
          .where('id', '=', existing)
          .executeTakeFirst();
        if (row) this.sectionSlugs.set(c.slug, row.slug);
        continue;
      }
      let slug = slugify(safeDecode(c.slug) || c.name);
      if (!slug || isReservedSlug(slug) || /^\d+$/.test(slug)) {
        const renamed = slugify(`${slug || 'rubrik'}-wp`);
        this.report('section', c.id, 'section-renamed', 'changed', [renamed]);
        slug = renamed;
      }
      const found = await this.k
        .selectFrom('sections')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst();
      let id: number;
      if (found) {
        id = found.id;
        this.report('section', c.id, 'section-merged', 'changed');
      } else {
        id = await createSection(this.k, {
          slug,
          name: c.name.trim() || slug,
          parentSlug,
          description: excerptText(c.description),
        });
        this.counts.section.imported++;
      }
      await this.map('category', c.id, id);
      this.sections.set(c.slug, id);
      this.sectionSlugs.set(c.slug, slug);
    }
    for (const t of this.cat.terms.filter((t) => t.kind === 'tag')) {
      const name = t.name.trim() || safeDecode(t.slug);
      if (!slugify(name)) continue;
      const existing = await this.mapped('tag', t.id);
      if (existing) {
        this.counts.tag.existing++;
      } else {
        this.counts.tag.imported++;
      }
      const id = existing ?? (await ensureTag(this.k, name));
      if (!existing) await this.map('tag', t.id, id);
      this.tags.set(t.slug, { id, slug: slugify(name) });
    }
    // Category and tag archives, their feeds and `?cat=`/`?tag=` links.
    const catPath = (c: WxrTerm): string => {
      const parts = [c.slug];
      let cur = c;
      const seen = new Set<string>();
      while (cur.parent && bySlug.has(cur.parent) && !seen.has(cur.parent)) {
        seen.add(cur.parent);
        cur = bySlug.get(cur.parent) as WxrTerm;
        parts.unshift(cur.slug);
      }
      return parts.join('/');
    };
    const legacy: { key: string; target: LegacyTarget }[] = [];
    for (const c of cats) {
      const id = this.sections.get(c.slug);
      if (!id) continue;
      const p = `/category/${catPath(c)}`;
      legacy.push({ key: p, target: { kind: 'section', id } });
      legacy.push({ key: `${p}/feed`, target: { kind: 'section-feed', id } });
      legacy.push({ key: `?cat=${c.id}`, target: { kind: 'section', id } });
    }
    for (const t of this.cat.terms.filter((t) => t.kind === 'tag')) {
      const tag = this.tags.get(t.slug);
      if (!tag) continue;
      legacy.push({ key: `/tag/${t.slug}`, target: { kind: 'tag', id: tag.id } });
      legacy.push({ key: `/tag/${t.slug}/feed`, target: { kind: 'tag', id: tag.id } });
      legacy.push({ key: `?tag=${t.slug}`, target: { kind: 'tag', id: tag.id } });
    }
    for (const key of [
      '/feed',
      '/feed/rss2',
      '/feed/atom',
      '/rss',
      '/comments/feed',
      '?feed=rss2',
      '?feed=rss',
      '?feed=atom',
      '?feed=comments-rss2',
    ]) {
      legacy.push({ key, target: { kind: 'feed', id: 0 } });
    }
    this.counts.redirect.imported += await recordLegacyPaths(this.k, legacy, this.now());
  }

  // --- people ---------------------------------------------------------------

  async person(login: string): Promise<number | null> {
    if (!login) return null;
    const cached = this.people.get(login);
    if (cached) return cached;
    const author = this.cat.authors.get(login);
    const key = author?.id || `login:${login}`;
    const existing = await this.mapped('author', key);
    if (existing) {
      this.counts.person.existing++;
      this.people.set(login, existing);
      return existing;
    }
    let name =
      author?.displayName || [author?.firstName, author?.lastName].filter(Boolean).join(' ').trim();
    if (!name) {
      name = login;
      this.report('person', key, 'author-no-name', 'changed');
    }
    const slug = slugify(name) || slugify(login) || `penulis-${key.replace(/\D/g, '') || '1'}`;
    const found = await this.k
      .selectFrom('people')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    const id =
      found?.id ?? (await createPerson(this.k, { slug, name, initials: initialsOf(name) }));
    if (!found) this.counts.person.imported++;
    await this.map('author', key, id);
    this.people.set(login, id);
    await recordLegacyPaths(
      this.k,
      [{ key: `/author/${login}`, target: { kind: 'person', id } }],
      this.now(),
    );
    if (this.opts.staff && author && !this.opts.dryRun) await this.staffAccount(author, name);
    return id;
  }

  async staffAccount(author: WxrAuthor, name: string): Promise<void> {
    if (await this.mapped('user', author.id || author.login)) {
      this.counts.user.existing++;
      return;
    }
    const email = author.email.trim().toLowerCase();
    if (!isValidEmail(email)) {
      this.report('user', author.login, 'staff-skipped', 'skipped', ['no valid email']);
      return;
    }
    const taken = await this.k
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (taken) {
      this.report('user', author.login, 'staff-skipped', 'skipped', [
        'email already has an account',
      ]);
      await this.map('user', author.id || author.login, taken.id);
      return;
    }
    // A password nobody knows: the account is usable only through the invitation link.
    const id = await createUser(this.db, {
      email,
      name: name.slice(0, 100),
      role: 'wartawan',
      password: randomBytes(24).toString('base64url'),
    });
    await this.map('user', author.id || author.login, id);
    await sendInvitation(this.db, this.config, { id, email, name, lang: 'id' }, this.now());
    this.counts.user.imported++;
  }

  // --- posts ------------------------------------------------------------------

  async sectionFor(item: WxrItem): Promise<number> {
    if (item.type === 'page') {
      if (this.pagesSection) return this.pagesSection;
      const found = await this.k
        .selectFrom('sections')
        .select('id')
        .where('slug', '=', 'halaman')
        .executeTakeFirst();
      this.pagesSection =
        found?.id ?? (await createSection(this.k, { slug: 'halaman', name: 'Halaman' }));
      return this.pagesSection;
    }
    for (const c of item.categories) {
      if (c.domain !== 'category') continue;
      const id = this.sections.get(c.slug);
      if (id) return id;
    }
    const fallback = this.sections.get('uncategorized');
    if (fallback) return fallback;
    const found = await this.k
      .selectFrom('sections')
      .select('id')
      .where('slug', '=', 'umum')
      .executeTakeFirst();
    const id = found?.id ?? (await createSection(this.k, { slug: 'umum', name: 'Umum' }));
    this.sections.set('uncategorized', id);
    return id;
  }

  /** The permalink path relative to the blog URL, decoded, without a trailing slash. */
  pathOf(link: string): string | null {
    if (!link) return null;
    try {
      const base = new URL(this.cat.channel?.blogUrl || link);
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

  async importItem(
    item: WxrItem,
  ): Promise<{ articleId: number; publishedAt: number | null } | null> {
    const kind: ImportKind = item.type === 'page' ? 'page' : 'post';
    if (item.type !== 'post' && item.type !== 'page') {
      if (item.type !== 'attachment')
        this.report('post', item.id, 'type-skipped', 'skipped', [item.type]);
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
      this.report(kind, item.id, 'status-skipped', 'skipped', [status]);
      return null;
    }
    const existing = await this.mapped('post', item.id);
    if (existing) {
      this.counts[kind].existing++;
      this.media.noteUsedBy(item.content, item.meta._thumbnail_id);
      await this.legacyFor(item, existing);
      await this.importComments(item, existing);
      return null;
    }
    if (status === 'private')
      this.report(kind, item.id, 'status-changed', 'changed', [status, target]);
    if (item.sticky) this.report(kind, item.id, 'sticky-post', 'changed');

    const zone = this.config.timeZone;
    const date = wpDate(item.dateGmt, item.date, zone) ?? this.now();
    const body = await convertBody(item.content, (img) => this.media.bodyImage(img, item.id, kind));
    for (const what of body.unmapped)
      this.report(kind, item.id, 'body-unmapped', 'changed', [what]);
    const recognised = [
      body.dateline && `dateline "${body.dateline}"`,
      body.bylineInitials && `initials "${body.bylineInitials}"`,
      body.sourceCredit && `source "${body.sourceCredit}"`,
    ].filter(Boolean);
    if (recognised.length)
      this.report(kind, item.id, 'body-recognised', 'changed', [recognised.join(', ')]);

    let headline = item.title.replace(/\s+/g, ' ').trim();
    if (!headline) {
      const firstText = body.blocks.find((b) => b.type === 'paragraph');
      const words =
        firstText?.type === 'paragraph' ? firstText.content.map((r) => r.text).join('') : '';
      headline =
        [...words.split(/\s+/).slice(0, 10).join(' ')].slice(0, 120).join('').trim() ||
        `#${item.id}`;
      this.report(kind, item.id, 'post-no-title', 'changed');
    }
    const slug = slugify(safeDecode(item.name)) || slugify(headline);
    const owner = this.slugOwners.get(slug);
    if (owner && owner !== item.id)
      this.report(kind, item.id, 'slug-duplicate', 'changed', [owner]);
    else this.slugOwners.set(slug, item.id);

    const thumb = item.meta._thumbnail_id;
    const featured = thumb ? await this.media.attachmentImage(thumb, item.id, kind) : null;
    const personId = await this.person(item.creator);
    const sectionId = await this.sectionFor(item);
    const tagNames = item.categories
      .filter((c) => c.domain === 'post_tag' && slugify(c.name))
      .map((c) => c.name.trim());
    const blocks: Block[] = body.blocks;
    const deck = excerptText(item.excerpt).slice(0, 500);

    const articleId = await inTransaction(this.k, async (tx) => {
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
        .set({ external_id: `wp:${this.site}:${item.id}` })
        .where('id', '=', id)
        .execute();
      await this.map('post', item.id, id, tx);
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
    if (target === 'scheduled' && !this.opts.dryRun)
      await enqueueScheduledPublish(this.db)(articleId, date);
    this.counts[kind].imported++;
    await this.legacyFor(item, articleId);
    await this.importComments(item, articleId);
    return { articleId, publishedAt: target === 'published' ? date : null };
  }

  async legacyFor(item: WxrItem, articleId: number): Promise<void> {
    const target: LegacyTarget = { kind: 'article', id: articleId };
    const keys = legacyKeysFor(item, (l) => this.pathOf(l));
    for (const att of this.cat.attachments.values()) {
      if (att.parent !== item.id) continue;
      const p = this.pathOf(att.link);
      if (p) keys.push(p);
      keys.push(`?attachment_id=${att.id}`);
    }
    this.counts.redirect.imported += await recordLegacyPaths(
      this.k,
      keys.map((key) => ({ key, target })),
      this.now(),
    );
  }

  /** The Warta ids of already imported WordPress ids of a kind, in one query per 500. */
  async mappedMany(kind: string, wpIds: string[], k: K = this.k): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < wpIds.length; i += 500) {
      const rows = await k
        .selectFrom('wp_import_map')
        .select(['wp_id', 'warta_id'])
        .where('site', '=', this.site)
        .where('kind', '=', kind)
        .where('wp_id', 'in', wpIds.slice(i, i + 500))
        .execute();
      for (const r of rows) out.set(r.wp_id, r.warta_id);
    }
    return out;
  }

  /**
   * A post's comments, oldest id first (parents before replies), in one
   * transaction with their map rows: a kill leaves all of them or none.
   */
  async importComments(item: WxrItem, articleId: number): Promise<void> {
    if (item.comments.length === 0) return;
    const comments = [...item.comments].sort((a, b) => Number(a.id) - Number(b.id));
    const parents = comments.map((c) => c.parent).filter((p) => p && p !== '0');
    const known = await this.mappedMany('comment', [
      ...new Set([...comments.map((c) => c.id), ...parents]),
    ]);
    // With --staff, a comment by an imported author is linked to that staff account.
    const staffIds = this.opts.staff
      ? await this.mappedMany('user', [
          ...new Set(comments.map((c) => c.userId).filter((u) => u && u !== '0')),
        ])
      : new Map<string, number>();
    await inTransaction(this.k, async (tx) => {
      for (const c of comments) {
        if (known.has(c.id)) {
          this.counts.comment.existing++;
          continue;
        }
        if (c.type && c.type !== 'comment') {
          this.report('comment', c.id, 'comment-skipped', 'skipped', [c.type]);
          continue;
        }
        const status =
          c.approved === '1'
            ? 'approved'
            : c.approved === '0'
              ? 'pending'
              : c.approved === 'spam'
                ? 'spam'
                : 'trash';
        const { text, hadMarkup } = commentText(c.content);
        if (!text) {
          this.report('comment', c.id, 'comment-empty', 'skipped');
          continue;
        }
        if (hadMarkup) this.report('comment', c.id, 'comment-html', 'changed');
        if (c.userId && c.userId !== '0' && !this.cat.authorIds.has(c.userId)) {
          this.report('comment', c.id, 'comment-unknown-user', 'changed', [c.userId]);
        }
        let parentId: number | null = null;
        if (c.parent && c.parent !== '0') {
          parentId = known.get(c.parent) ?? null;
          if (parentId === null)
            this.report('comment', c.id, 'comment-orphan', 'changed', [c.parent]);
        }
        const row = await importComment(
          tx,
          this.config.secretKey,
          {
            articleId,
            parentId,
            authorName: c.author.replace(/\s+/g, ' ').trim(),
            body: text,
            email: c.email,
            website: c.url,
            status,
            createdAt: wpDate(c.dateGmt, c.date, this.config.timeZone) ?? this.now(),
            legacyAnchor: /^\d+$/.test(c.id) ? `comment-${c.id}` : undefined,
            userId: staffIds.get(c.userId) ?? null,
          },
          this.maxDepth,
        );
        if (!row) {
          this.report('comment', c.id, 'comment-duplicate', 'skipped');
          continue;
        }
        await this.map('comment', c.id, row.id, tx);
        known.set(c.id, row.id);
        if (row.flattened) this.report('comment', c.id, 'comment-flattened', 'changed');
        this.counts.comment.imported++;
      }
    });
  }
}

async function unfinishedRun(k: K, site: string) {
  return k
    .selectFrom('wp_import_runs')
    .select(['id', 'started_at', 'report'])
    .where('site', '=', site)
    .where('status', '=', 'running')
    .where('dry_run', '=', 0)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * Imports a WordPress export file. Returns the counts and the report; an XML
 * error stops the reading at its line (everything before it is imported) and
 * is returned in `error`, the run then ends as 'failed'.
 */
export async function importWordpress(
  db: Db,
  events: EventBus,
  config: Config,
  path: string,
  opts: WpImportOptions = {},
): Promise<WpImportResult> {
  const cat = await firstPass(path);
  if (!cat.channel) {
    return { runId: null, site: '', counts: emptyCounts(), entries: [], error: cat.error };
  }
  const site = siteKey(cat.channel.siteUrl);
  const now = () => opts.now?.() ?? Date.now();
  let runId: number | null = null;
  const startedAt = now();
  let earlier: ReportEntry[] = [];
  if (!opts.dryRun) {
    const open = await unfinishedRun(db.kysely, site);
    if (open && !opts.resume) throw new UnfinishedImportError(open.id);
    if (open) {
      runId = open.id;
      earlier = JSON.parse(open.report) as ReportEntry[];
    } else {
      const row = await db.kysely
        .insertInto('wp_import_runs')
        .values({
          site,
          file_name: opts.fileName ?? path,
          status: 'running',
          started_at: startedAt,
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      runId = row.id;
    }
  }

  const work = async (k: K, bus: EventBus): Promise<Run> => {
    const scoped: Db = { ...db, kysely: k };
    const media = new MediaImporter(scoped, config, site, cat.attachments, {
      uploadsDir: opts.uploadsDir,
      mediaBase: opts.mediaBase,
      dryRun: !!opts.dryRun,
      source: opts.imageSource,
    });
    const run = new Run(scoped, k, site, config, opts, cat, media);
    // Image problems count under photos; the entry names the post that used the image.
    media.onReport = (kind, wpId, code, args) =>
      run.report('media', `${kind} ${wpId}`, code, 'failed', args);
    run.maxDepth = (await loadSettings(k)).maxDepth;
    for (const e of earlier) run.report(e.kind, e.wpId, e.code, e.outcome, e.args);
    await run.importTerms();
    let done = 0;
    let posts = 0;
    const progressEvery = Math.max(1, Math.floor(cat.items / 200));
    const saveEvery = 50;
    const sink = { error: null as WxrError | null };
    // WordPress's sticky post (`<wp:is_sticky>1`; the newest if several) becomes the home lead.
    let sticky: { articleId: number; publishedAt: number; wpId: string } | null = null;
    for await (const r of guarded(readWxrFile(path), sink)) {
      if (r.kind !== 'item') continue;
      try {
        const res = await run.importItem(r.item);
        if (res?.publishedAt != null && !opts.bulk)
          await bus.emit('article.published', { articleId: res.articleId });
        if (
          res?.publishedAt != null &&
          r.item.sticky &&
          r.item.type === 'post' &&
          (!sticky || res.publishedAt > sticky.publishedAt)
        )
          sticky = { articleId: res.articleId, publishedAt: res.publishedAt, wpId: r.item.id };
        if (res) posts++;
      } catch (err) {
        const kind: ImportKind = r.item.type === 'page' ? 'page' : 'post';
        run.report(kind, r.item.id, 'failed', 'failed', [(err as Error).message.slice(0, 300)]);
      }
      done++;
      if (done % progressEvery === 0 || done === cat.items) opts.onProgress?.(done, cat.items);
      if (runId !== null && done % saveEvery === 0)
        await saveRun(db.kysely, runId, run, 'running', '');
      if (opts.stopAfterPosts !== undefined && posts >= opts.stopAfterPosts)
        throw new Interrupted();
    }
    // Attachments no post used are not imported, and said so (nothing goes silently).
    const used = media.usedKeys();
    for (const att of cat.attachments.values()) {
      if (!used.has(originalKey(uploadPath(att.url) ?? att.url))) {
        run.report('media', att.id, 'attachment-unused', 'skipped', [att.url]);
      }
    }
    media.countInto(run.counts);
    if (sticky) {
      await importHomeLead(scoped, bus, sticky.articleId, `WordPress sticky post ${sticky.wpId}`);
      run.report('post', sticky.wpId, 'home-lead', 'changed');
    }
    cat.error = cat.error ?? sink.error;
    return run;
  };

  if (opts.dryRun) {
    let kept: Run | null = null;
    const quiet = new EventBus();
    try {
      await db.kysely.transaction().execute(async (tx) => {
        kept = await work(tx, quiet);
        throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    const run = kept as unknown as Run;
    return { runId: null, site, counts: run.counts, entries: run.entries, error: cat.error };
  }

  const run = await work(db.kysely, events);
  if (opts.bulk) await bulkIndex(db, site, opts.onIndexProgress);
  const error = cat.error;
  await saveRun(
    db.kysely,
    runId as number,
    run,
    error ? 'failed' : 'done',
    error ? error.message : '',
    now(),
  );
  return { runId, site, counts: run.counts, entries: run.entries, error };
}

/**
 * The bulk mode's one indexing pass: each imported post goes through the same
 * search upsert the `article.published` listener does, then the related index
 * is rebuilt in batches with every stored list recomputed.
 */
async function bulkIndex(
  db: Db,
  site: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  const ids = (
    await db.kysely
      .selectFrom('wp_import_map')
      .select('warta_id')
      .where('site', '=', site)
      .where('kind', '=', 'post')
      .orderBy('warta_id')
      .execute()
  ).map((r) => r.warta_id);
  const total = ids.length * 2;
  let done = 0;
  onProgress(0, total);
  for (const id of ids) {
    await indexArticle(db, id);
    if (++done % 25 === 0) onProgress(done, total);
  }
  await rebuildRelatedIndex(db, {
    lists: true,
    onProgress: (d, t) =>
      onProgress(ids.length + Math.round((d / Math.max(1, t)) * ids.length), total),
  });
  onProgress(total, total);
}

async function saveRun(
  k: K,
  runId: number,
  run: Run,
  status: 'running' | 'done' | 'failed',
  error: string,
  finishedAt?: number,
) {
  await k
    .updateTable('wp_import_runs')
    .set({
      status,
      counts: JSON.stringify(run.counts),
      report: JSON.stringify(run.entries),
      error,
      finished_at: finishedAt ?? null,
    })
    .where('id', '=', runId)
    .execute();
}
