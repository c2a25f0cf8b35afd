import type { Block } from '../../content/blocks.ts';
import { cleanInline, decodeEntities, htmlToBlocks, textToBlocks } from './html-blocks.ts';
import type { WireImage, WireItem, WireProblem } from './wire-item.ts';

/**
 * The one normalisation every wire format goes through: a `RawItem` (any
 * field missing or wrong) becomes a `WireItem`, with dates, headlines and
 * images repaired or the item skipped, and each repair or skip reported as a
 * `WireProblem`.
 */

export const MAX_HEADLINE = 300;
export const MAX_ITEMS_PER_FETCH = 500;
const FUTURE_SLACK_MS = 10 * 60_000;
const EARLIEST = Date.UTC(2000, 0, 1);
const DANGEROUS =
  /<\s*(script|iframe|object|embed|style|form|svg|frame|applet)\b|\son[a-z]+\s*=|javascript:/i;
const UPDATE_MARK =
  /^\s*(update|updated|pembaruan|koreksi|ralat|correction|corrected)\b\s*[:\-–]?/i;

/** A raw item before normalisation: every field may be missing or wrong. */
export interface RawItem {
  guid?: string;
  version?: number | null;
  headline?: string;
  html?: string;
  text?: string;
  url?: string;
  dateline?: string;
  date?: string | number;
  embargo?: string | number;
  image?: { url?: string; type?: string; caption?: string; credit?: string };
  updateFlag?: boolean;
}

function parseDate(v: string | number | undefined): number | null {
  if (v === undefined || v === '') return null;
  const t = typeof v === 'number' ? v : Date.parse(String(v).trim());
  return Number.isFinite(t) ? t : null;
}

function safeUrl(v: string | undefined): string {
  if (!v) return '';
  try {
    const u = new URL(v.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href.slice(0, 2000) : '';
  } catch {
    return '';
  }
}

/** Normalises raw items into WireItems: repairs dates and headlines, skips what cannot be repaired. */
export function normalise(raw: RawItem[], now: number, problems: WireProblem[]): WireItem[] {
  const byGuid = new Map<string, WireItem>();
  if (raw.length > MAX_ITEMS_PER_FETCH) {
    problems.push({ code: 'too-many-items', detail: String(raw.length) });
    raw = raw.slice(0, MAX_ITEMS_PER_FETCH);
  }
  for (const r of raw) {
    let headline = cleanInline(decodeEntities(r.headline ?? '')).trim();
    const url = safeUrl(r.url);
    const guid =
      cleanInline(r.guid ?? '')
        .trim()
        .slice(0, 500) || url;
    if (!guid || !headline) {
      problems.push({
        code: 'missing-field',
        guid: guid || undefined,
        detail: !guid ? 'guid' : 'headline',
      });
      continue;
    }
    if (headline.length > MAX_HEADLINE) {
      problems.push({ code: 'headline-too-long', guid, detail: String(headline.length) });
      headline = `${headline.slice(0, MAX_HEADLINE - 1).trimEnd()}…`;
    }
    let blocks: Block[] = [];
    if (r.html) {
      if (DANGEROUS.test(r.html)) problems.push({ code: 'markup-removed', guid });
      const converted = htmlToBlocks(r.html);
      blocks = converted.blocks;
      if (!r.image?.url && converted.images[0]) r.image = { url: converted.images[0] };
    } else if (r.text) blocks = textToBlocks(r.text);
    let publishedAt = parseDate(r.date);
    if (publishedAt === null) publishedAt = now;
    else if (publishedAt > now + FUTURE_SLACK_MS) {
      problems.push({ code: 'date-future', guid, detail: new Date(publishedAt).toISOString() });
      publishedAt = now;
    } else if (publishedAt < EARLIEST) {
      problems.push({ code: 'date-ancient', guid, detail: new Date(publishedAt).toISOString() });
      publishedAt = now;
    }
    const embargo = parseDate(r.embargo);
    let image: WireImage | null = null;
    if (r.image?.url) {
      const imageUrl = safeUrl(r.image.url);
      const type = (r.image.type ?? '').toLowerCase();
      if (!imageUrl || (type && !type.startsWith('image/') && type !== 'picture')) {
        problems.push({
          code: 'bad-image',
          guid,
          detail: (r.image.type ?? r.image.url).slice(0, 200),
        });
      } else {
        image = {
          url: imageUrl,
          caption: cleanInline(decodeEntities(r.image.caption ?? ''))
            .trim()
            .slice(0, 1000),
          credit: cleanInline(decodeEntities(r.image.credit ?? ''))
            .trim()
            .slice(0, 200),
        };
      }
    }
    const version =
      r.version !== undefined && r.version !== null && Number.isInteger(r.version) && r.version > 0
        ? Math.min(r.version, 1_000_000)
        : null;
    const item: WireItem = {
      guid,
      version,
      headline,
      blocks,
      url,
      dateline: cleanInline(r.dateline ?? '')
        .trim()
        .slice(0, 100),
      publishedAt,
      embargoUntil: embargo !== null && embargo > now ? embargo : null,
      image,
      isUpdate: !!r.updateFlag || UPDATE_MARK.test(headline),
    };
    const seen = byGuid.get(guid);
    if (seen) {
      problems.push({ code: 'duplicate-guid', guid });
      // Keep the newest of the duplicates (by version, then date).
      const newer =
        (item.version ?? 0) > (seen.version ?? 0) ||
        ((item.version ?? 0) === (seen.version ?? 0) && item.publishedAt >= seen.publishedAt);
      if (!newer) continue;
    }
    byGuid.set(guid, item);
  }
  return [...byGuid.values()];
}
