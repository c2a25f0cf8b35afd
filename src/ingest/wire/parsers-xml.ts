import { blocksText, htmlToBlocks } from './html-blocks.ts';
import type { RawItem } from './parsers-normalise.ts';
import { find, innerXml, kid, kids, textOf, type XmlElement } from './safe-xml.ts';

/** The XML wire formats (RSS 2.0 and RDF, Atom, NewsML-G2 text items) read into raw items. */

export function rssItems(channel: XmlElement): RawItem[] {
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

export function atomItems(feed: XmlElement): RawItem[] {
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

export function newsmlItems(root: XmlElement): RawItem[] {
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
