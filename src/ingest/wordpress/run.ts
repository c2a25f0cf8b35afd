import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import type { Catalogue } from './catalogue.ts';
import type { ImageSource, MediaImporter } from './media.ts';
import type { ReasonCode } from './messages.ts';
import { type Counts, emptyCounts, type ImportKind, type ReportEntry } from './report.ts';
import type { WxrError } from './wxr-reader.ts';

/**
 * An import run's shared state and its bookkeeping: the options, the report
 * and counts, what is already mapped in `wp_import_map`, and the WordPress
 * value conventions (site key, dates, encoded slugs). The per-kind importers (terms.ts,
 * people.ts, posts.ts, comments.ts) work on a Run; import.ts drives them.
 */

export type K = Kysely<Database>;

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

/** A percent-encoded slug or path decoded; as it is when it does not decode. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** One import run's state. */
export class Run {
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
}
