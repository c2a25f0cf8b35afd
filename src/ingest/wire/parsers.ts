import { createHash } from 'node:crypto';
import type { WireFormat } from '../../db/schema.ts';
import { blocksText } from './html-blocks.ts';
import { jsonFeedItems, ninjsItem, obj } from './parsers-json.ts';
import { normalise, type RawItem } from './parsers-normalise.ts';
import { atomItems, newsmlItems, rssItems } from './parsers-xml.ts';
import { kid, parseXml, XmlRefused } from './safe-xml.ts';
import type { ProblemCode, WireItem, WireProblem } from './wire-item.ts';

/**
 * One parser per agency format (RSS 2.0, Atom, JSON Feed, IPTC ninjs 1.x and
 * 2.x, NewsML-G2 text items), all producing the same `WireItem`, then one
 * normalisation that repairs or skips what is wrong and says so: a bad item
 * never sinks the good ones next to it, and every repair or skip is a
 * `WireProblem` the source's page shows. This module detects the format and
 * dispatches; the formats are in parsers-xml.ts and parsers-json.ts, the
 * normalisation in parsers-normalise.ts, the item and problem types in
 * wire-item.ts.
 */

export interface ParseResult {
  format: Exclude<WireFormat, 'auto'>;
  items: WireItem[];
  problems: WireProblem[];
}

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
