import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { sharp } from '../media/sharp.ts';

/**
 * The site's icons: /favicon.ico, an SVG icon, the 180 px apple-touch-icon,
 * the 192 and 512 px app icons and the web app manifest that lists them. They
 * are drawn from one source: the site name's initial on the site's red (the
 * default), or an image an admin uploads (`IconStore.use`). Browsers ask for
 * /favicon.ico and /apple-touch-icon.png without being told, so every page
 * logged a 404 before these existed.
 */

/** Where the icons come from: the site name's initial, or an uploaded image (PNG, JPEG, WebP, SVG...). */
export type IconSource =
  | { kind: 'initial'; siteName: string }
  | { kind: 'image'; siteName: string; image: Buffer };

/** The site's red (public stylesheet `--red`): the default icon's background and the theme colour. */
export const ICON_COLOR = '#c4161c';
/** Bump when the default drawing changes, so versioned icon URLs change with it. */
const DRAWING = 1;

/** One served icon file. */
interface IconFile {
  body: Buffer;
  type: string;
}

/** The built icons of one source, by URL path. */
export interface IconSet {
  version: string;
  files: Map<string, IconFile>;
}

/** The icon URLs (the manifest's own entries use them too). */
export const ICON_PATHS = {
  ico: '/favicon.ico',
  svg: '/icon.svg',
  apple: '/apple-touch-icon.png',
  png192: '/icon-192.png',
  png512: '/icon-512.png',
  manifest: '/manifest.webmanifest',
} as const;

/**
 * A short hash of the source: part of every icon URL in the page heads, so a
 * browser may keep an icon for a year and still sees a new one at once.
 */
export function iconVersion(source: IconSource): string {
  const h = createHash('sha256').update(`${DRAWING}\0${source.siteName}\0`);
  if (source.kind === 'image') h.update(source.image);
  return h.digest('hex').slice(0, 10);
}

/** The version of the default icons (the site name's initial), for the page heads. */
export function defaultIconVersion(siteName: string): string {
  return iconVersion({ kind: 'initial', siteName });
}

/** `<link>` attributes for a page head: favicon, SVG icon, apple-touch-icon and (public pages) the manifest. */
export function iconLinks(
  version: string,
  opts: { manifest: boolean },
): { rel: string; href: string; type?: string; sizes?: string }[] {
  const v = (path: string) => `${path}?v=${version}`;
  return [
    { rel: 'icon', href: v(ICON_PATHS.ico), sizes: '48x48' },
    { rel: 'icon', href: v(ICON_PATHS.svg), type: 'image/svg+xml' },
    { rel: 'apple-touch-icon', href: v(ICON_PATHS.apple) },
    ...(opts.manifest ? [{ rel: 'manifest', href: v(ICON_PATHS.manifest) }] : []),
  ];
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.codePointAt(0)};`);

/** The first letter or digit of the name (a whole character, not half a surrogate pair), upper-cased. */
export function siteInitial(siteName: string): string {
  const first = /[\p{L}\p{N}]/u.exec(siteName)?.[0] ?? Array.from(siteName.trim())[0] ?? 'W';
  return first.toLocaleUpperCase();
}

/** The default drawing: the initial in white serif on the site's red; `round` for the favicon and SVG. */
function initialSvg(siteName: string, round: boolean): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<rect width="64" height="64"${round ? ' rx="12"' : ''} fill="${ICON_COLOR}"/>` +
    `<text x="32" y="46" text-anchor="middle" font-family="Georgia, 'DejaVu Serif', 'Noto Serif', serif" ` +
    `font-weight="700" font-size="42" fill="#fff">${escapeXml(siteInitial(siteName))}</text></svg>`
  );
}

/** A square PNG of `size` px from the source (full bleed: iOS and Android round the corners themselves). */
async function png(source: IconSource, size: number, round = false): Promise<Buffer> {
  const input =
    source.kind === 'image' ? source.image : Buffer.from(initialSvg(source.siteName, round));
  return sharp(input, { density: source.kind === 'image' ? 72 : (72 * size) / 64 })
    .resize(size, size, { fit: 'cover' })
    .png()
    .toBuffer();
}

/** An ICO holding PNG images (every browser reads PNG entries since Windows Vista / IE 9). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png: data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((img) => img.png)]);
}

/** Draws every icon file of a source. Throws (sharp's error) when an uploaded image cannot be read. */
export async function buildIconSet(source: IconSource, lang: string): Promise<IconSet> {
  const version = iconVersion(source);
  const [ico16, ico32, ico48, apple, png192, png512] = await Promise.all([
    png(source, 16, true),
    png(source, 32, true),
    png(source, 48, true),
    png(source, 180),
    png(source, 192),
    png(source, 512),
  ]);
  const svg =
    source.kind === 'initial'
      ? initialSvg(source.siteName, true)
      : `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><image width="512" height="512" href="data:image/png;base64,${png512.toString('base64')}"/></svg>`;
  const v = (path: string) => `${path}?v=${version}`;
  const manifest = {
    name: source.siteName,
    short_name: source.siteName,
    lang,
    start_url: '/',
    scope: '/',
    display: 'minimal-ui',
    background_color: '#ffffff',
    theme_color: ICON_COLOR,
    icons: [
      { src: v(ICON_PATHS.png192), sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: v(ICON_PATHS.png512), sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: v(ICON_PATHS.png512), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: v(ICON_PATHS.svg), sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  const files = new Map<string, IconFile>([
    [
      ICON_PATHS.ico,
      {
        body: encodeIco([
          { size: 16, png: ico16 },
          { size: 32, png: ico32 },
          { size: 48, png: ico48 },
        ]),
        type: 'image/x-icon',
      },
    ],
    [ICON_PATHS.svg, { body: Buffer.from(svg), type: 'image/svg+xml' }],
    [ICON_PATHS.apple, { body: apple, type: 'image/png' }],
    [ICON_PATHS.png192, { body: png192, type: 'image/png' }],
    [ICON_PATHS.png512, { body: png512, type: 'image/png' }],
    [
      ICON_PATHS.manifest,
      { body: Buffer.from(JSON.stringify(manifest)), type: 'application/manifest+json' },
    ],
  ]);
  return { version, files };
}

/** The icons an app serves now; `use` swaps them (the site settings' logo/favicon upload). */
export interface IconStore {
  current(): Promise<IconSet>;
  /** The version of the icons served now, for the `?v=` of the page heads' links. */
  version(): string;
  /** Builds the icons from a new source and serves them once built; rejects (keeping the old ones) on a bad image. */
  use(source: IconSource): Promise<IconSet>;
  /**
   * Serves the icons of the source named `key` (the site name, or the uploaded
   * icon's files) from now on: a new key starts one background build from
   * `load`; until it is done, and if it fails, the current icons stay.
   * `onChange` runs once the new icons are served.
   */
  follow(
    key: string,
    load: () => Promise<IconSource>,
    on?: { onError?: (err: unknown) => void; onChange?: () => unknown },
  ): void;
}

const stores = new WeakMap<object, IconStore>();

/** The version of the icons the app of this configuration serves (the default icons' without one). */
export function iconVersionFor(config: Pick<Config, 'siteName'>): string {
  return stores.get(config)?.version() ?? defaultIconVersion(config.siteName);
}

/** A store that starts with the default icons (the site name's initial). */
export function createIconStore(config: Pick<Config, 'siteName' | 'language'>): IconStore {
  const initial: IconSource = { kind: 'initial', siteName: config.siteName };
  // Drawn at the first icon request (a browser asks right after its first page), not at start.
  let set: Promise<IconSet> | undefined;
  let served = iconVersion(initial);
  let followed = `initial:${config.siteName}`;
  const store: IconStore = {
    current: () => {
      set ??= buildIconSet(initial, config.language);
      return set;
    },
    version: () => served,
    async use(source) {
      const next = await buildIconSet(source, config.language);
      set = Promise.resolve(next);
      served = next.version;
      return next;
    },
    follow(key, load, on) {
      if (key === followed) return;
      followed = key;
      load()
        .then(async (source) => {
          if (followed !== key) return;
          await store.use(source);
          await on?.onChange?.();
        })
        .catch((err) => on?.onError?.(err));
    },
  };
  stores.set(config, store);
  return store;
}

/** `?v=` names the icons' version; a repeated or unknown parameter only misses the long cache. */
const iconQuery = z.object({ v: z.union([z.string(), z.array(z.string())]).optional() });

const YEAR = 365 * 24 * 3600;
const DAY = 24 * 3600;

/**
 * Serves the icons. A URL carrying the current version (`?v=`, as the page
 * heads write it) is cached for a year; the bare paths browsers guess
 * (/favicon.ico) for a day, revalidated by ETag.
 */
export function registerIcons(app: FastifyInstance, store: IconStore): void {
  const serve = async (
    req: FastifyRequest<{ Querystring: z.infer<typeof iconQuery> }>,
    reply: FastifyReply,
    path: string,
  ) => {
    const set = await store.current();
    const file = set.files.get(path);
    if (!file) return reply.callNotFound();
    const etag = `"${set.version}"`;
    const v = req.query.v;
    reply
      .header(
        'cache-control',
        v === set.version ? `public, max-age=${YEAR}, immutable` : `public, max-age=${DAY}`,
      )
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(file.type).send(file.body);
  };
  for (const path of Object.values(ICON_PATHS)) {
    app
      .withTypeProvider<ZodTypeProvider>()
      .get(path, { schema: { querystring: iconQuery } }, (req, reply) => serve(req, reply, path));
  }
}
