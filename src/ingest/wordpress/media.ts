import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../lib/errors.ts';
import { addImage } from '../../media/library.ts';
import { mediaStorage } from '../../media/storage.ts';
import {
  checkUpload,
  cleanText,
  MAX_ALT,
  MAX_CAPTION,
  MAX_UPLOAD_BYTES,
} from '../../media/upload.ts';
import { ImageDecodeError } from '../../media/variants.ts';
import type { BodyImage } from './body-converter.ts';
import type { ReasonCode } from './messages.ts';
import type { Counts, ImportKind } from './report.ts';

/** Where an image's bytes come from: a path under `wp-content/uploads` → bytes, or null. */
export type ImageSource = (uploadPath: string) => Promise<Buffer | null>;

/**
 * Images of an import: found by the path after `/wp-content/uploads/` in a
 * local copy of that folder, else under `--media-base`, else reported
 * missing. Originals go through the media library (variants, crops); the
 * same file (same bytes) used twice is stored once, across runs too (the
 * file's SHA-256 is in the import map).
 */
export class MediaImporter {
  onReport: (kind: ImportKind, wpId: string, code: ReasonCode, args: string[]) => void = () => {};
  private readonly byUrl = new Map<string, { id: number } | null>();
  private stored = 0;
  private reused = 0;
  private readonly source: ImageSource;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly site: string,
    private readonly attachments: ReadonlyMap<
      string,
      { url: string; caption: string; alt: string }
    >,
    opts: { uploadsDir?: string; mediaBase?: string; dryRun: boolean; source?: ImageSource },
  ) {
    this.dryRun = opts.dryRun;
    this.source = opts.source ?? defaultSource(opts.uploadsDir, opts.mediaBase);
  }
  private readonly dryRun: boolean;

  /** Upload paths (or URLs) of every image a post used, found or not. */
  usedKeys(): Set<string> {
    return new Set([...this.byUrl.keys(), ...this.seen].map(originalKey));
  }

  /**
   * Notes the images a post already imported earlier uses (a re-run does not
   * convert it again), so they are not reported as unused.
   */
  noteUsedBy(content: string, thumbnailId: string | undefined): void {
    for (const m of content.matchAll(/\/wp-content\/uploads\/([^"'\s\]<>?#]+)/g)) {
      const key = uploadPath(`/wp-content/uploads/${m[1]}`);
      if (key) this.seen.add(key);
    }
    const ids = [...content.matchAll(/wp-image-(\d+)|attachment_(\d+)/g)].map((m) => m[1] ?? m[2]);
    for (const id of [...ids, thumbnailId]) {
      const att = id ? this.attachments.get(id) : undefined;
      if (att) this.seen.add(uploadPath(att.url) ?? att.url);
    }
  }
  private readonly seen = new Set<string>();

  /** Adds this run's media counts to the summary. */
  countInto(counts: Counts): void {
    counts.media.imported += this.stored;
    counts.media.existing += this.reused;
  }

  /** The featured image of a post, by attachment id. */
  async attachmentImage(
    attachmentId: string,
    postId: string,
    kind: ImportKind,
  ): Promise<{ id: number; caption: string; alt: string } | null> {
    const att = this.attachments.get(attachmentId);
    if (!att) {
      this.onReport(kind, postId, 'image-missing', [`attachment #${attachmentId}`]);
      return null;
    }
    const id = await this.image(att.url, postId, kind, att);
    return id ? { id, caption: att.caption, alt: att.alt } : null;
  }

  /** An image in a post's body; caption and alt fall back to the attachment's. */
  async bodyImage(img: BodyImage, postId: string, kind: ImportKind): Promise<number | null> {
    const att = img.attachmentId ? this.attachments.get(img.attachmentId) : undefined;
    const url = img.src || att?.url || '';
    if (!url) return null;
    if (att && !img.alt?.trim() && att.alt) img.alt = att.alt;
    // The library keeps the attachment's own text; the block keeps what this post says.
    const library = att ?? { caption: img.caption ?? '', alt: img.alt ?? '' };
    return this.image(url, postId, kind, library);
  }

  private async image(
    url: string,
    postId: string,
    kind: ImportKind,
    text: { caption: string; alt: string },
  ): Promise<number | null> {
    const key = uploadPath(url);
    const cacheKey = key ?? url;
    if (this.byUrl.has(cacheKey)) {
      const known = this.byUrl.get(cacheKey);
      if (known) this.reused++;
      return known?.id ?? null;
    }
    let result: { id: number } | null = null;
    try {
      result = await this.load(key, url, postId, kind, text);
    } finally {
      this.byUrl.set(cacheKey, result);
    }
    return result?.id ?? null;
  }

  private async load(
    key: string | null,
    url: string,
    postId: string,
    kind: ImportKind,
    text: { caption: string; alt: string },
  ): Promise<{ id: number } | null> {
    let bytes: Buffer | null = null;
    if (key) {
      // The original first (WordPress links resized copies like photo-1024x683.jpg).
      const original = originalKey(key);
      bytes = (original !== key ? await this.source(original) : null) ?? (await this.source(key));
    }
    if (!bytes) {
      this.onReport(kind, postId, 'image-missing', [url]);
      return null;
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const known = await this.db.kysely
      .selectFrom('wp_import_map')
      .select('warta_id')
      .where('site', '=', this.site)
      .where('kind', '=', 'file')
      .where('wp_id', '=', hash)
      .executeTakeFirst();
    if (known && known.warta_id > 0) {
      this.reused++;
      return { id: known.warta_id };
    }
    try {
      const checked = await checkUpload(bytes);
      if (this.dryRun) {
        this.stored++;
        return null;
      }
      const id = await addImage(
        this.db.kysely,
        mediaStorage(this.config),
        bytes,
        {
          caption: cleanText(text.caption || checked.prefill.caption).slice(0, MAX_CAPTION),
          credit: checked.prefill.credit.slice(0, 200),
          alt: cleanText(text.alt).slice(0, MAX_ALT),
        },
        Date.now(),
        { originalName: path.basename(key ?? '').slice(0, 200) },
      );
      await this.db.kysely
        .insertInto('wp_import_map')
        .values({
          site: this.site,
          kind: 'file',
          wp_id: hash,
          warta_id: id,
          created_at: Date.now(),
        })
        .onConflict((oc) => oc.columns(['site', 'kind', 'wp_id']).doNothing())
        .execute();
      this.stored++;
      return { id };
    } catch (err) {
      if (!(err instanceof AppError) && !(err instanceof ImageDecodeError)) throw err;
      const why = err instanceof AppError ? err.code : 'MEDIA_CORRUPT';
      this.onReport(kind, postId, 'image-invalid', [url, why]);
      return null;
    }
  }
}

/** The original of a resized copy: `photo-1024x683.jpg` → `photo.jpg`. */
export function originalKey(key: string): string {
  return key.replace(/-\d{2,5}x\d{2,5}(\.\w+)$/, '$1');
}

/** The path after `/wp-content/uploads/`, decoded and safe to join to a folder; null when none. */
export function uploadPath(url: string): string | null {
  const at = url.indexOf('/wp-content/uploads/');
  if (at === -1) return null;
  let rest = url.slice(at + '/wp-content/uploads/'.length).split(/[?#]/)[0] ?? '';
  try {
    rest = decodeURIComponent(rest);
  } catch {
    return null;
  }
  const norm = path.posix.normalize(rest);
  if (!norm || norm.startsWith('..') || norm.startsWith('/') || norm.includes('\0')) return null;
  return norm;
}

/** Reads from the uploads copy, else downloads from the media base (20 MB at most, 30 s). */
function defaultSource(uploadsDir?: string, mediaBase?: string): ImageSource {
  return async (key) => {
    if (uploadsDir) {
      const root = path.resolve(uploadsDir);
      const file = path.resolve(root, key);
      if (file.startsWith(root + path.sep)) {
        try {
          return await readFile(file);
        } catch {
          // not in the copy: try the media base
        }
      }
    }
    if (mediaBase) {
      const url = `${mediaBase.replace(/\/+$/, '')}/${key.split('/').map(encodeURIComponent).join('/')}`;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
        if (!res.ok) return null;
        const len = Number(res.headers.get('content-length') ?? 0);
        if (len > MAX_UPLOAD_BYTES) return Buffer.alloc(MAX_UPLOAD_BYTES + 1);
        return Buffer.from(await res.arrayBuffer());
      } catch {
        return null;
      }
    }
    return null;
  };
}
