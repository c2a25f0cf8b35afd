import { excerptText } from './body.ts';
import {
  readWxrFile,
  type WxrAuthor,
  type WxrChannel,
  type WxrError,
  type WxrRecord,
  type WxrTerm,
} from './wxr-reader.ts';

/**
 * The import's first pass over the export: the channel, authors, terms and
 * attachments, learnt before any post is written (import.ts reads the file a
 * second time for the posts).
 */

export interface Attachment {
  id: string;
  url: string;
  link: string;
  parent: string;
  caption: string;
  alt: string;
  title: string;
}

/** What the first pass learns. */
export interface Catalogue {
  channel: WxrChannel | null;
  authors: Map<string, WxrAuthor>;
  authorIds: Set<string>;
  terms: WxrTerm[];
  attachments: Map<string, Attachment>;
  items: number;
  error: WxrError | null;
}

/** The records of `records`; an XML error ends them and is kept in `sink.error`. */
export async function* guarded(
  records: AsyncGenerator<WxrRecord>,
  sink: { error: WxrError | null },
) {
  try {
    yield* records;
  } catch (err) {
    if ((err as Error).name !== 'WxrError') throw err;
    sink.error = err as WxrError;
  }
}

export async function firstPass(path: string): Promise<Catalogue> {
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
