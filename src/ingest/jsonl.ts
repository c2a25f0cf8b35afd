import { existsSync, readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { progressBar } from '../cli/progress.ts';
import type { Config } from '../config.ts';
import { paragraph } from '../content/blocks.ts';
import { createArticle, createPerson } from '../content/commands.ts';
import { publishArticle } from '../content/publication.ts';
import { createSection } from '../content/section-commands.ts';
import { type Db, openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { EventBus } from '../lib/events.ts';
import { plainText } from '../lib/plain-text.ts';
import { slugify } from '../lib/slug.ts';
import { wireListeners } from '../listeners.ts';

/**
 * Bulk import of articles from JSON Lines, one article a line:
 * `id`, `cluster`, `section`, `headline`, `dateline`, `paragraphs`, `tags`,
 * `published_at` (ISO 8601 with offset), `source`, `byline`. Every article
 * goes through the content commands, so publishing events fire and the search
 * and related indexes fill as they would for a newsroom's own stories. The
 * line's `id` is kept as the article's external id: importing the same file
 * twice adds nothing the second time.
 */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * One corpus line, as the evaluation format defines it. Text fields are
 * cleaned of control and text-direction characters as the newsroom's are
 * (`plainText`; paragraphs keep their line breaks).
 */
export const corpusLine = z.object({
  id: z.union([z.string().trim().min(1).max(200), z.number().int()]).transform(String),
  cluster: z.union([z.string(), z.number()]).nullish(),
  section: plainText().trim().min(1, 'section is empty').max(80),
  headline: plainText().trim().min(1, 'headline is empty').max(500),
  dateline: plainText().max(120).nullish(),
  paragraphs: z
    .array(plainText({ multiline: true }), { error: 'paragraphs must be an array of strings' })
    .min(1, 'paragraphs is empty'),
  tags: z.array(plainText().trim().min(1).max(100)).max(50).default([]),
  published_at: z
    .string()
    .regex(ISO_WITH_OFFSET, 'published_at must be ISO 8601 with a time zone offset')
    .refine((v) => Number.isFinite(Date.parse(v)), 'published_at is not a real date'),
  source: plainText().max(200).nullish(),
  byline: plainText().max(200).nullish(),
});
export type CorpusLine = z.infer<typeof corpusLine>;

export interface ImportError {
  line: number;
  reason: string;
}

export interface ImportSummary {
  created: number;
  skipped: number;
  failed: ImportError[];
  /** External id → article id, for every line that is in the database now. */
  ids: Map<string, number>;
}

/** Turns "daerah" or "Ekonomi Bisnis" into a section name and a clean slug. */
function sectionOf(raw: string): { slug: string; name: string } {
  const slug = slugify(raw);
  const name = raw.trim().includes(' ')
    ? raw.trim()
    : raw.trim().charAt(0).toUpperCase() + raw.trim().slice(1);
  return { slug, name };
}

/** A person's initials for a byline ("Made Sutama" → "MS"), at most four letters. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
    .map((w) => w.charAt(0).toUpperCase())
    .join('')
    .slice(0, 4);
}

function reasonOf(err: unknown): string {
  if (err instanceof z.ZodError) {
    return err.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Imports a corpus (the file's text) line by line. Bad lines are reported with
 * their number and reason and the rest goes on; lines whose id is already in
 * the database are skipped.
 */
export async function importJsonl(
  db: Db,
  events: EventBus,
  text: string,
  opts: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportSummary> {
  const k = db.kysely;
  const lines = text.split(/\r?\n/);
  const numbered = lines
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter((l) => l.raw.length > 0);
  const summary: ImportSummary = { created: 0, skipped: 0, failed: [], ids: new Map() };
  const sections = new Map<string, number>();
  const people = new Map<string, number>();
  let done = 0;
  for (const { raw, line } of numbered) {
    try {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (err) {
        throw new Error(`not valid JSON (${(err as Error).message})`);
      }
      const item = corpusLine.parse(json);
      const existing = await k
        .selectFrom('articles')
        .select('id')
        .where('external_id', '=', item.id)
        .executeTakeFirst();
      if (existing) {
        summary.skipped++;
        summary.ids.set(item.id, existing.id);
      } else {
        const id = await importOne(db, k, events, item, sections, people);
        summary.created++;
        summary.ids.set(item.id, id);
      }
    } catch (err) {
      summary.failed.push({ line, reason: reasonOf(err) });
    }
    opts.onProgress?.(++done, numbered.length);
  }
  return summary;
}

async function sectionId(db: Db, raw: string, cache: Map<string, number>): Promise<number> {
  const { slug, name } = sectionOf(raw);
  if (!slug) throw new Error(`section "${raw}" has no usable letters`);
  return idBySlug(db, 'sections', slug, cache, () => createSection(db.kysely, { slug, name }));
}

async function personId(db: Db, name: string, cache: Map<string, number>): Promise<number> {
  const slug = slugify(name);
  return idBySlug(db, 'people', slug, cache, () =>
    createPerson(db.kysely, { slug, name, initials: initialsOf(name) }),
  );
}

/** The id of the section or person with `slug`: cached, found, or else created (then cached). */
async function idBySlug(
  db: Db,
  table: 'sections' | 'people',
  slug: string,
  cache: Map<string, number>,
  create: () => Promise<number>,
): Promise<number> {
  const cached = cache.get(slug);
  if (cached) return cached;
  const found = await db.kysely
    .selectFrom(table)
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  const id = found?.id ?? (await create());
  cache.set(slug, id);
  return id;
}

async function importOne(
  db: Db,
  k: Kysely<Database>,
  events: EventBus,
  item: CorpusLine,
  sections: Map<string, number>,
  people: Map<string, number>,
): Promise<number> {
  const publishedAt = Date.parse(item.published_at);
  const paragraphs = item.paragraphs.map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) throw new Error('paragraphs has no text');
  const byline = item.byline?.trim() ?? '';
  // "Kmb/Warta" style initials stay initials; a name becomes a byline person.
  const isInitials = byline.includes('/') || /^\(.*\)$/.test(byline);
  const persons =
    byline && !isInitials && slugify(byline) ? [await personId(db, byline, people)] : [];
  const id = await createArticle(db.kysely, {
    headline: item.headline,
    sectionId: await sectionId(db, item.section, sections),
    body: paragraphs.map((p) => paragraph(p)),
    dateline: item.dateline?.trim() ?? '',
    sourceCredit: item.source?.trim() ?? '',
    bylineInitials: isInitials ? byline.replace(/^\(|\)$/g, '') : '',
    tagNames: item.tags.filter((t) => slugify(t)),
    personIds: persons,
    createdAt: publishedAt,
  });
  try {
    await k.updateTable('articles').set({ external_id: item.id }).where('id', '=', id).execute();
  } catch (err) {
    // Another import took this id meanwhile: keep theirs, drop ours.
    await k.deleteFrom('articles').where('id', '=', id).execute();
    throw err;
  }
  await publishArticle(db.kysely, events, id, publishedAt);
  return id;
}

/** Reads and imports a JSON Lines file (see importJsonl). */
export async function importJsonlFile(
  db: Db,
  events: EventBus,
  path: string,
  opts: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportSummary> {
  return importJsonl(db, events, readFileSync(path, 'utf8'), opts);
}

/**
 * `warta import-jsonl FILE`: imports with a progress bar, listeners wired (so
 * search and related indexes fill), then prints a summary and every bad line.
 * Returns the exit code: 0 when every line is in, 1 when some failed, 2 on usage.
 */
export async function importJsonlCommand(
  config: Config,
  path: string | undefined,
): Promise<number> {
  if (!path) {
    console.error('Usage: warta import-jsonl FILE   (one JSON article per line)');
    return 2;
  }
  if (!existsSync(path)) {
    console.error(`No such file: ${path}`);
    return 2;
  }
  const db = await openDb(config.databaseUrl);
  try {
    await migrateToLatest(db);
    const events = new EventBus((err, event) =>
      console.error(`  ${event} listener failed: ${(err as Error)?.message ?? err}`),
    );
    wireListeners(events, db, config);
    const bar = progressBar('Import');
    const summary = await importJsonlFile(db, events, path, { onProgress: bar.update });
    bar.done();
    for (const f of summary.failed) console.error(`  line ${f.line}: ${f.reason}`);
    console.log(
      `Imported ${summary.created} new articles, skipped ${summary.skipped} already present, ${summary.failed.length} lines failed.`,
    );
    return summary.failed.length ? 1 : 0;
  } finally {
    await db.close();
  }
}
