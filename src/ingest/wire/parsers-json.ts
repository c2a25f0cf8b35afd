import type { RawItem } from './parsers-normalise.ts';

/** The JSON wire formats (JSON Feed, IPTC ninjs 1.x and 2.x) read into raw items. */

export type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;

export function jsonFeedItems(doc: Json): RawItem[] {
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

export function ninjsItem(doc: Json): RawItem {
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
