import { createHash } from 'node:crypto';
import type { Block } from '../../content/blocks.ts';
import type { WireFormat } from '../../db/schema.ts';
import {
  blocksText,
  cleanInline,
  decodeEntities,
  htmlToBlocks,
  textToBlocks,
} from './html-blocks.ts';
import {
  find,
  innerXml,
  kid,
  kids,
  parseXml,
  textOf,
  type XmlElement,
  XmlRefused,
} from './safe-xml.ts';

/**
 * One parser per agency format (RSS 2.0, Atom, JSON Feed, IPTC ninjs 1.x and
 * 2.x, NewsML-G2 text items), all producing the same `WireItem`, then one
 * normalisation that repairs or skips what is wrong and says so: a bad item
 * never sinks the good ones next to it, and every repair or skip is a
 * `WireProblem` the source's page shows.
 */

export interface WireImage {
  url: string;
  caption: string;
  credit: string;
}

export interface WireItem {
  guid: string;
  /** The agency's version when it states one (ninjs `version`, NewsML `version`); else null. */
  version: number | null;
  headline: string;
  blocks: Block[];
  url: string;
  dateline: string;
  publishedAt: number;
  embargoUntil: number | null;
  image: WireImage | null;
  /** The agency marks it as an update or correction ("UPDATE:", "RALAT", ninjs pubstatus). */
  isUpdate: boolean;
}

export type ProblemCode =
  | 'not-a-feed'
  | 'invalid-xml'
  | 'doctype'
  | 'too-large'
  | 'invalid-json'
  | 'missing-field'
  | 'duplicate-guid'
  | 'date-future'
  | 'date-ancient'
  | 'headline-too-long'
  | 'markup-removed'
  | 'bad-image'
  | 'too-many-items'
  | 'http-status'
  | 'redirect-loop'
  | 'timeout'
  | 'network'
  | 'auth';

export interface WireProblem {
  code: ProblemCode;
  /** The item it concerns, when it is about one. */
  guid?: string;
  detail?: string;
}

export interface ParseResult {
  format: Exclude<WireFormat, 'auto'>;
  items: WireItem[];
  problems: WireProblem[];
}

export const MAX_HEADLINE = 300;
export const MAX_ITEMS_PER_FETCH = 500;
const FUTURE_SLACK_MS = 10 * 60_000;
const EARLIEST = Date.UTC(2000, 0, 1);
const DANGEROUS =
  /<\s*(script|iframe|object|embed|style|form|svg|frame|applet)\b|\son[a-z]+\s*=|javascript:/i;
const UPDATE_MARK =
  /^\s*(update|updated|pembaruan|koreksi|ralat|correction|corrected)\b\s*[:\-–]?/i;

/** A raw item before normalisation: every field may be missing or wrong. */
interface RawItem {
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
function normalise(raw: RawItem[], now: number, problems: WireProblem[]): WireItem[] {
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

// --- XML formats -----------------------------------------------------------

function rssItems(channel: XmlElement): RawItem[] {
  return kids(channel, 'item').map((it) => {
    const encoded = it.children.find((c) => c.qname.toLowerCase() === 'content:encoded');
    const enclosure = kid(it, 'enclosure');
    const media = it.children.find(
      (c) =>
        c.qname.toLowerCase() === 'media:content' || c.qname.toLowerCase() === 'media:thumbnail',
    );
    const imageUrl = enclosure?.attrs.url ?? media?.attrs.url;
    return {
      guid: textOf(kid(it, 'guid')),
      headline: textOf(kid(it, 'title')),
      html: textOf(encoded) || textOf(kid(it, 'description')),
      url: textOf(kid(it, 'link')),
      date: textOf(kid(it, 'pubdate')) || textOf(kid(it, 'date')),
      image: imageUrl
        ? {
            url: imageUrl,
            type:
              enclosure?.attrs.type ??
              media?.attrs.type ??
              (media?.attrs.medium === 'image' ? 'image/*' : undefined),
            caption: textOf(find(media, 'description')) || textOf(find(media, 'title')),
            credit: textOf(find(media, 'credit')),
          }
        : undefined,
    };
  });
}

function atomText(el: XmlElement | undefined): { html?: string; text?: string } {
  if (!el) return {};
  const type = (el.attrs.type ?? 'text').toLowerCase();
  if (type === 'xhtml') return { html: innerXml(el) };
  if (type === 'html' || type === 'text/html') return { html: textOf(el) };
  return { text: textOf(el) };
}

function atomItems(feed: XmlElement): RawItem[] {
  return kids(feed, 'entry').map((e) => {
    const links = kids(e, 'link');
    const alt = links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate');
    const enc = links.find((l) => l.attrs.rel === 'enclosure');
    const body = atomText(kid(e, 'content') ?? kid(e, 'summary'));
    const title = atomText(kid(e, 'title'));
    return {
      guid: textOf(kid(e, 'id')),
      headline: title.html ? htmlToBlocksText(title.html) : title.text,
      ...body,
      url: alt?.attrs.href,
      date: textOf(kid(e, 'published')) || textOf(kid(e, 'updated')),
      image: enc
        ? { url: enc.attrs.href, type: enc.attrs.type, caption: enc.attrs.title }
        : undefined,
    };
  });
}

function htmlToBlocksText(html: string): string {
  return blocksText(htmlToBlocks(html).blocks).replace(/\n/g, ' ');
}

function newsmlItems(root: XmlElement): RawItem[] {
  const items = root.name === 'newsitem' ? [root] : collect(root, 'newsitem');
  return items.map((ni) => {
    const meta = kid(ni, 'itemmeta');
    const content = kid(ni, 'contentmeta');
    const set = kid(ni, 'contentset');
    const inline = kid(set, 'inlinexml');
    const data = kid(set, 'inlinedata');
    const body = inline ? (find(inline, 'body') ?? inline) : undefined;
    const remote = kids(set, 'remotecontent').find((r) =>
      (r.attrs.contenttype ?? '').startsWith('image/'),
    );
    const pubStatus = kid(meta, 'pubstatus')?.attrs.qcode ?? '';
    const edNote = textOf(kid(meta, 'ednote'));
    return {
      guid: ni.attrs.guid,
      version: ni.attrs.version ? Number(ni.attrs.version) : null,
      headline: textOf(kid(content, 'headline')),
      html: body ? innerXml(body) : undefined,
      text: data ? textOf(data) : undefined,
      url: kids(ni, 'link').find((l) => l.attrs.rel?.endsWith('canonical'))?.attrs.href,
      dateline: textOf(kid(content, 'dateline')),
      date:
        textOf(kid(content, 'contentcreated')) ||
        textOf(kid(meta, 'versioncreated')) ||
        textOf(kid(meta, 'firstcreated')),
      embargo: textOf(kid(meta, 'embargoed')) || textOf(kid(meta, 'embargo')),
      image: remote ? { url: remote.attrs.href, type: remote.attrs.contenttype } : undefined,
      updateFlag: /correct|update/i.test(pubStatus) || /ralat|koreksi|correction/i.test(edNote),
    };
  });
}

function collect(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    else collect(c, name, out);
  }
  return out;
}

// --- JSON formats ----------------------------------------------------------

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;

function jsonFeedItems(doc: Json): RawItem[] {
  const items = Array.isArray(doc.items) ? doc.items : [];
  return items.map((raw) => {
    const it = obj(raw) ?? {};
    return {
      guid: str(it.id) ?? (typeof it.id === 'number' ? String(it.id) : undefined),
      headline: str(it.title),
      html: str(it.content_html),
      text: str(it.content_text) ?? str(it.summary),
      url: str(it.url),
      date: str(it.date_published) ?? str(it.date_modified),
      image: str(it.image) ? { url: str(it.image) } : undefined,
    };
  });
}

function ninjsItem(doc: Json): RawItem {
  // 2.x: headlines[] and bodies[]; 1.x: headline, body_html / body_text.
  const headlines = Array.isArray(doc.headlines) ? doc.headlines.map(obj) : [];
  const bodies = Array.isArray(doc.bodies) ? doc.bodies.map(obj) : [];
  const htmlBody = bodies.find((b) => /html/.test(str(b?.contenttype) ?? ''));
  const textBody = bodies.find((b) => b && !/html/.test(str(b.contenttype) ?? ''));
  const assoc = obj(doc.associations) ?? {};
  const picture = Object.values(assoc)
    .map(obj)
    .find((a) => a && (a.type === 'picture' || a.type === 'image'));
  const renditions = obj(picture?.renditions) ?? {};
  const rendition =
    obj(renditions.original) ?? obj(renditions.baseImage) ?? obj(Object.values(renditions)[0]);
  const located = str(doc.located) ?? str(obj(doc.place)?.name);
  const pubstatus = str(doc.pubstatus) ?? '';
  const version =
    typeof doc.version === 'string' || typeof doc.version === 'number' ? Number(doc.version) : null;
  return {
    guid: str(doc.uri) ?? str(doc.guid),
    version: Number.isFinite(version) ? version : null,
    headline: str(doc.headline) ?? str(headlines[0]?.value),
    html: str(doc.body_html) ?? str(htmlBody?.value),
    text: str(doc.body_text) ?? str(textBody?.value),
    url: str(doc.uri)?.startsWith('http') ? str(doc.uri) : undefined,
    dateline: located,
    date: str(doc.firstcreated) ?? str(doc.versioncreated),
    embargo: str(doc.embargoed),
    image:
      picture && (str(rendition?.href) || str(picture.uri))
        ? {
            url: str(rendition?.href) ?? str(picture.uri),
            type: str(rendition?.mimetype) ?? 'picture',
            caption:
              str(picture.description_text) ?? str(picture.headline) ?? str(picture.body_text),
            credit: str(picture.byline) ?? str(picture.copyrightholder) ?? '',
          }
        : undefined,
    updateFlag: /correct|update/i.test(pubstatus) || (version !== null && version > 1),
  };
}

// --- Entry point -----------------------------------------------------------

/** Guesses the format from the bytes (the source's configured format wins when it is not 'auto'). */
export function detectFormat(body: string): Exclude<WireFormat, 'auto'> | 'html' | 'unknown' {
  const head = body
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 2000)
    .toLowerCase();
  if (head.startsWith('{') || head.startsWith('[')) {
    if (head.includes('jsonfeed.org/version')) return 'jsonfeed';
    return 'ninjs';
  }
  if (/^<!doctype html|^<html/.test(head) || (!head.startsWith('<?xml') && /<body[\s>]/.test(head)))
    return 'html';
  if (head.startsWith('<')) {
    if (/<rss[\s>]|<rdf:rdf[\s>]/.test(head)) return 'rss';
    if (/<feed[\s>]/.test(head)) return 'atom';
    if (/<newsmessage[\s>]|<newsitem[\s>]/.test(head)) return 'newsml';
    return 'rss';
  }
  return 'unknown';
}

/**
 * Parses a fetched document. Never throws: a document that cannot be read at
 * all gives no items and one problem (not a feed, invalid XML, a DTD).
 */
export function parseFeed(
  body: string,
  format: WireFormat = 'auto',
  now = Date.now(),
): ParseResult {
  const problems: WireProblem[] = [];
  const detected = detectFormat(body);
  if (detected === 'html' || detected === 'unknown') {
    return {
      format: format === 'auto' ? 'rss' : format,
      items: [],
      problems: [{ code: 'not-a-feed' }],
    };
  }
  const fmt = format === 'auto' ? detected : format;
  let raw: RawItem[] = [];
  try {
    if (fmt === 'jsonfeed' || fmt === 'ninjs') {
      let doc: unknown;
      try {
        doc = JSON.parse(body.replace(/^\uFEFF/, ''));
      } catch (err) {
        return {
          format: fmt,
          items: [],
          problems: [
            { code: 'invalid-json', detail: String((err as Error).message).slice(0, 200) },
          ],
        };
      }
      if (fmt === 'jsonfeed') raw = jsonFeedItems(obj(doc) ?? {});
      else {
        const list = Array.isArray(doc)
          ? doc
          : Array.isArray(obj(doc)?.items)
            ? (obj(doc)?.items as unknown[])
            : [doc];
        raw = list.map((d) => ninjsItem(obj(d) ?? {}));
      }
    } else {
      const root = parseXml(body);
      if (fmt === 'atom') raw = atomItems(root);
      else if (fmt === 'newsml') raw = newsmlItems(root);
      else {
        const channel = kid(root, 'channel');
        if (!channel && root.name !== 'rdf')
          return { format: fmt, items: [], problems: [{ code: 'not-a-feed' }] };
        raw = rssItems(channel ?? root);
        if (root.name === 'rdf') raw = raw.concat(rssItems(root));
      }
    }
  } catch (err) {
    if (err instanceof XmlRefused) {
      const code: ProblemCode =
        err.reason === 'doctype'
          ? 'doctype'
          : err.reason === 'invalid'
            ? 'invalid-xml'
            : 'too-large';
      return { format: fmt, items: [], problems: [{ code, detail: err.message.slice(0, 200) }] };
    }
    throw err;
  }
  const items = normalise(raw, now, problems);
  return { format: fmt, items, problems };
}

/** A stable fingerprint of what an editor sees of an item (to tell a changed re-send from a repeat). */
export function contentHash(item: Pick<WireItem, 'headline' | 'blocks'>): string {
  return createHash('sha256')
    .update(item.headline)
    .update('\n')
    .update(blocksText(item.blocks))
    .digest('hex')
    .slice(0, 32);
}
