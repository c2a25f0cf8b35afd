import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { memoRead } from '../../db/write-generation.ts';
import { getMedia } from '../../media/library.ts';
import { mediaStorage } from '../../media/storage.ts';
import { variantUrl } from '../../media/variants.ts';
import type { IconSource } from '../../site/icons.ts';
import {
  defaultSettings,
  type LegalLink,
  loadOverrides,
  type SiteSettings,
  type SocialAccount,
} from './settings.ts';

type DB = Kysely<Database>;

/**
 * The settings a running app serves (`LiveSettings`), what pages show beyond
 * the configuration (`SiteIdentity`) and where the icons come from; the
 * settings' schema, checks and storage are in settings.ts.
 */

/** An image the layout shows (logo) or links (icon). */
export interface SiteImage {
  mediaId: number;
  url: string;
  width: number;
  height: number;
}

/** What pages show that the configuration has no field for. */
export interface SiteIdentity {
  tagline: string;
  logo: SiteImage | null;
  /** The site icon (favicon, app icons): the icon routes serve it by its media id. */
  icon: SiteImage | null;
  iconMediaId: number | null;
  social: SocialAccount[];
  legalPages: LegalLink[];
}

const EMPTY_IDENTITY: SiteIdentity = {
  tagline: '',
  logo: null,
  icon: null,
  iconMediaId: null,
  social: [],
  legalPages: [],
};

/** Longest the settings are served from memory: how late another process's change shows. */
export const SETTINGS_TTL_MS = 1000;

/** The smallest webp (keeps transparency) at least `width` wide, else the largest; null without variants. */
async function imageOf(db: DB, id: number | null, width: number): Promise<SiteImage | null> {
  if (id == null) return null;
  const item = await getMedia(db, id);
  const widths = [...(item?.variants.webp ?? [])].sort((a, b) => a - b);
  const chosen = widths.find((w) => w >= width) ?? widths.at(-1);
  if (!item || chosen === undefined) return null;
  return {
    mediaId: id,
    url: variantUrl(item.storageKey, chosen, 'webp'),
    width: chosen,
    height: Math.round((item.height * chosen) / item.width),
  };
}

const live = new WeakMap<object, LiveSettings>();

/**
 * The settings one app serves: the configured defaults with the saved
 * overrides, refreshed before each request (from memory unless a write, a
 * `settings.changed` or SETTINGS_TTL_MS made it stale).
 */
export class LiveSettings {
  private settings: SiteSettings;
  private identity: SiteIdentity = EMPTY_IDENTITY;
  /** The configuration every route and view is given: overridable fields read the latest values. */
  readonly config: Config;

  constructor(
    readonly base: Config,
    private readonly db: Db,
  ) {
    this.settings = defaultSettings(base);
    const out: Record<string, unknown> = { ...base };
    const current = () => this.settings;
    Object.defineProperties(out, {
      siteName: { get: () => current().siteName, enumerable: true },
      siteTagline: { get: () => current().siteTagline, enumerable: true },
      timeZone: { get: () => current().timeZone, enumerable: true },
      language: { get: () => current().language, enumerable: true },
    });
    this.config = Object.freeze(out) as unknown as Config;
    live.set(this.config, this);
  }

  /** The effective settings now. */
  get current(): SiteSettings {
    return this.settings;
  }

  /** Brings the values up to date (one small read at most every SETTINGS_TTL_MS, or after a write). */
  async refresh(): Promise<void> {
    const k = this.db.kysely;
    const next = await memoRead(k, 'site-settings', SETTINGS_TTL_MS, async () => {
      const settings = { ...defaultSettings(this.base), ...(await loadOverrides(k)) };
      const identity: SiteIdentity = {
        tagline: settings.siteTagline,
        logo: await imageOf(k, settings.logoMediaId, 320),
        icon: await imageOf(k, settings.iconMediaId, 320),
        iconMediaId: settings.iconMediaId,
        social: settings.social,
        legalPages: settings.legalPages,
      };
      return { settings, identity };
    });
    this.settings = next.settings;
    this.identity = next.identity;
  }

  /** What pages show beyond the configuration (logo, social accounts, legal pages). */
  get siteIdentity(): SiteIdentity {
    return this.identity;
  }
}

/** The identity behind a live configuration; a plain configuration has none beyond its tagline. */
export function siteIdentity(config: Config): SiteIdentity {
  return live.get(config)?.siteIdentity ?? { ...EMPTY_IDENTITY, tagline: config.siteTagline };
}

/**
 * Where the site's icons come from now: the uploaded icon (its largest WebP
 * variant, read from the media folder), or the site name's initial. `key`
 * changes exactly when the icons must be drawn again (another upload, a
 * replaced file, a renamed site).
 */
export function iconSourceOf(
  config: Config,
  db: Db,
): { key: string; load: () => Promise<IconSource> } {
  const { siteName, iconMediaId } = currentSettings(config);
  const iconUrl = siteIdentity(config).icon?.url;
  if (iconMediaId === null || !iconUrl) {
    return { key: `initial:${siteName}`, load: async () => ({ kind: 'initial', siteName }) };
  }
  return {
    key: `image:${iconUrl}:${siteName}`,
    async load() {
      const item = await getMedia(db.kysely, iconMediaId);
      const widest = Math.max(...(item?.variants.webp ?? []));
      if (!item || !Number.isFinite(widest)) throw new Error(`icon ${iconMediaId} has no variants`);
      const key = `${item.storageKey}/${widest}.webp`;
      const image = await mediaStorage(config).get(key);
      if (!image) throw new Error(`icon ${iconMediaId}: ${key} is not in the media storage`);
      return { kind: 'image', siteName, image };
    },
  };
}

/** The effective settings behind a live configuration (the defaults for a plain one). */
export function currentSettings(config: Config): SiteSettings {
  return live.get(config)?.current ?? defaultSettings(config);
}

/** The live settings of an app, loaded once; `refresh()` keeps them current (app.ts calls it per request). */
export async function loadLiveSettings(base: Config, db: Db): Promise<LiveSettings> {
  const settings = new LiveSettings(base, db);
  await settings.refresh();
  return settings;
}
