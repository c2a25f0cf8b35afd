import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTag } from 'saxes';

/**
 * Streaming reader for WordPress exports (WXR 1.0–1.2, what Tools → Export
 * writes). The file is read in chunks and fed to saxes; only the element being
 * read (one `<item>` with its comments, one author or term) is held in memory,
 * so a 500 MB export reads in flat memory. A DOCTYPE is refused before saxes
 * sees it, and saxes knows only the five XML entities, so neither external
 * entities (XXE) nor entity bombs (billion laughs) can be expanded.
 */

/** Why an export could not be read to its end, with the line it stopped at. */
export class WxrError extends Error {
  constructor(
    readonly code: 'doctype' | 'malformed' | 'truncated' | 'not-wxr',
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${code}: ${detail}`);
    this.name = 'WxrError';
  }
}

export interface WxrChannel {
  title: string;
  link: string;
  /** `<wp:base_site_url>`, else the channel link: the key that makes imports idempotent. */
  siteUrl: string;
  /** `<wp:base_blog_url>`, where permalinks start. */
  blogUrl: string;
  wxrVersion: string;
  language: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrTerm {
  kind: 'category' | 'tag';
  id: string;
  slug: string;
  name: string;
  /** The parent category's slug ('' for none or for tags). */
  parent: string;
  description: string;
}

export interface WxrComment {
  id: string;
  author: string;
  email: string;
  url: string;
  dateGmt: string;
  date: string;
  content: string;
  /** '1', '0', 'trash', 'spam', 'post-trashed'. */
  approved: string;
  /** '' or 'comment' for comments; 'pingback', 'trackback'. */
  type: string;
  parent: string;
  userId: string;
}

export interface WxrItem {
  /** Line of the `<item>` in the file (for the report). */
  line: number;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  id: string;
  date: string;
  dateGmt: string;
  commentStatus: string;
  name: string;
  status: string;
  parent: string;
  type: string;
  sticky: boolean;
  attachmentUrl: string;
  categories: { domain: string; slug: string; name: string }[];
  /** Post meta, first value per key (`_wp_old_slug` may repeat: see oldSlugs). */
  meta: Record<string, string>;
  oldSlugs: string[];
  comments: WxrComment[];
}

export type WxrRecord =
  | { kind: 'channel'; channel: WxrChannel }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem };

/** A light element tree for the part being read. */
interface Node {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Node[];
}

const child = (n: Node, name: string): Node | undefined => n.children.find((c) => c.name === name);
const text = (n: Node, name: string): string => child(n, name)?.text ?? '';
const all = (n: Node, name: string): Node[] => n.children.filter((c) => c.name === name);

function toAuthor(n: Node): WxrAuthor {
  return {
    id: text(n, 'wp:author_id'),
    login: text(n, 'wp:author_login'),
    email: text(n, 'wp:author_email'),
    displayName: text(n, 'wp:author_display_name').trim(),
    firstName: text(n, 'wp:author_first_name'),
    lastName: text(n, 'wp:author_last_name'),
  };
}

function toTerm(n: Node): WxrTerm {
  if (n.name === 'wp:category') {
    return {
      kind: 'category',
      id: text(n, 'wp:term_id'),
      slug: text(n, 'wp:category_nicename'),
      name: text(n, 'wp:cat_name'),
      parent: text(n, 'wp:category_parent'),
      description: text(n, 'wp:category_description'),
    };
  }
  return {
    kind: 'tag',
    id: text(n, 'wp:term_id'),
    slug: text(n, 'wp:tag_slug'),
    name: text(n, 'wp:tag_name'),
    parent: '',
    description: text(n, 'wp:tag_description'),
  };
}

function toComment(n: Node): WxrComment {
  return {
    id: text(n, 'wp:comment_id'),
    author: text(n, 'wp:comment_author'),
    email: text(n, 'wp:comment_author_email'),
    url: text(n, 'wp:comment_author_url'),
    dateGmt: text(n, 'wp:comment_date_gmt'),
    date: text(n, 'wp:comment_date'),
    content: text(n, 'wp:comment_content'),
    approved: text(n, 'wp:comment_approved'),
    type: text(n, 'wp:comment_type'),
    parent: text(n, 'wp:comment_parent'),
    userId: text(n, 'wp:comment_user_id'),
  };
}

function toItem(n: Node, line: number): WxrItem {
  const meta: Record<string, string> = {};
  const oldSlugs: string[] = [];
  for (const m of all(n, 'wp:postmeta')) {
    const key = text(m, 'wp:meta_key');
    const value = text(m, 'wp:meta_value');
    if (key === '_wp_old_slug') oldSlugs.push(value);
    else if (!(key in meta)) meta[key] = value;
  }
  return {
    line,
    title: text(n, 'title'),
    link: text(n, 'link'),
    creator: text(n, 'dc:creator'),
    content: text(n, 'content:encoded'),
    excerpt: text(n, 'excerpt:encoded'),
    id: text(n, 'wp:post_id'),
    date: text(n, 'wp:post_date'),
    dateGmt: text(n, 'wp:post_date_gmt'),
    commentStatus: text(n, 'wp:comment_status'),
    name: text(n, 'wp:post_name'),
    status: text(n, 'wp:status'),
    parent: text(n, 'wp:post_parent'),
    type: text(n, 'wp:post_type'),
    sticky: text(n, 'wp:is_sticky') === '1',
    attachmentUrl: text(n, 'wp:attachment_url'),
    categories: all(n, 'category').map((c) => ({
      domain: c.attrs.domain ?? 'category',
      slug: c.attrs.nicename ?? '',
      name: c.text,
    })),
    meta,
    oldSlugs,
    comments: all(n, 'wp:comment').map(toComment),
  };
}

const CHANNEL_FIELDS: Record<string, keyof WxrChannel> = {
  title: 'title',
  link: 'link',
  language: 'language',
  'wp:base_site_url': 'siteUrl',
  'wp:base_blog_url': 'blogUrl',
  'wp:wxr_version': 'wxrVersion',
};
const RECORD_TAGS = new Set(['item', 'wp:author', 'wp:category', 'wp:tag']);

/**
 * Reads a WXR export from text chunks, yielding records as they complete.
 * Throws WxrError (with the line) for a DOCTYPE, malformed or truncated XML
 * or a file that is not a WordPress export; every record before the error
 * has been yielded by then.
 */
export async function* readWxrChunks(chunks: AsyncIterable<string>): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ position: true });
  const queue: WxrRecord[] = [];
  const channel: WxrChannel = {
    title: '',
    link: '',
    siteUrl: '',
    blogUrl: '',
    wxrVersion: '',
    language: '',
  };
  let channelSent = false;
  const path: string[] = [];
  let stack: Node[] = [];
  let recordLine = 0;
  let channelField: keyof WxrChannel | null = null;
  let sawRoot = false;
  let failure: WxrError | null = null;

  const sendChannel = () => {
    if (channelSent) return;
    channelSent = true;
    if (!channel.siteUrl) channel.siteUrl = channel.link;
    if (!channel.blogUrl) channel.blogUrl = channel.siteUrl;
    if (!channel.siteUrl || !channel.wxrVersion) {
      throw new WxrError('not-wxr', parser.line, 'no <wp:wxr_version> or site URL in the channel');
    }
    queue.push({ kind: 'channel', channel: { ...channel } });
  };

  parser.on('error', (err) => {
    const detail = err.message.replace(/^\d+:\d+: /, '');
    throw new WxrError('malformed', parser.line, detail);
  });
  parser.on('doctype', () => {
    throw new WxrError('doctype', parser.line, 'DOCTYPE');
  });
  parser.on('opentag', (tag: SaxesTag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (!sawRoot) {
      sawRoot = true;
      if (tag.name !== 'rss') {
        throw new WxrError('not-wxr', parser.line, `root <${tag.name}>`);
      }
    }
    path.push(tag.name);
    if (stack.length > 0) {
      const node: Node = { name: tag.name, attrs: attributes, text: '', children: [] };
      stack[stack.length - 1]?.children.push(node);
      stack.push(node);
      return;
    }
    if (path.length === 3 && RECORD_TAGS.has(tag.name)) {
      if (tag.name === 'item') sendChannel();
      recordLine = parser.line;
      stack = [{ name: tag.name, attrs: attributes, text: '', children: [] }];
      return;
    }
    channelField = path.length === 3 ? (CHANNEL_FIELDS[tag.name] ?? null) : null;
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
    else if (channelField) channel[channelField] += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    path.pop();
    channelField = null;
    if (stack.length === 0) {
      if (tag.name === 'channel') sendChannel();
      return;
    }
    const node = stack.pop() as Node;
    if (stack.length > 0) return;
    if (node.name === 'item') queue.push({ kind: 'item', item: toItem(node, recordLine) });
    else if (node.name === 'wp:author') queue.push({ kind: 'author', author: toAuthor(node) });
    else queue.push({ kind: 'term', term: toTerm(node) });
  });

  // A DOCTYPE is refused from the raw text, before the parser captures it.
  let prolog = '';
  try {
    for await (const chunk of chunks) {
      if (!sawRoot) {
        prolog += chunk;
        const at = prolog.indexOf('<!DOCTYPE');
        if (at !== -1) {
          const line = prolog.slice(0, at).split('\n').length;
          throw new WxrError('doctype', line, 'DOCTYPE');
        }
        if (prolog.length > 1 << 20) {
          throw new WxrError('not-wxr', 1, 'no <rss> in the first MB');
        }
      }
      parser.write(chunk);
      while (queue.length) yield queue.shift() as WxrRecord;
    }
    parser.close();
  } catch (err) {
    if (!(err instanceof WxrError)) throw err;
    failure = err;
  }
  while (queue.length) yield queue.shift() as WxrRecord;
  if (failure) {
    if (failure.code === 'malformed' && /unclosed|end of|unexpected end/i.test(failure.detail)) {
      throw new WxrError('truncated', failure.line, failure.detail);
    }
    throw failure;
  }
  if (!sawRoot) throw new WxrError('not-wxr', parser.line, 'empty file');
  if (!channelSent) sendChannel();
  while (queue.length) yield queue.shift() as WxrRecord;
}

/** Reads a WXR file from disk in 64 KB chunks (see readWxrChunks). */
export function readWxrFile(path: string): AsyncGenerator<WxrRecord> {
  return readWxrChunks(
    createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 }) as AsyncIterable<string>,
  );
}
