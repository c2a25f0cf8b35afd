import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { messages } from './messages.ts';
import { cachedSections } from './read-cache.ts';
import type { SiteContext } from './views/props.ts';

/** Builds the per-request context every page's layout needs. */
export async function siteContext(
  config: Config,
  db: Db,
  assets: { css: string; js: string },
): Promise<SiteContext> {
  const sections = await cachedSections(db.kysely);
  return contextWith(
    config,
    assets,
    sections.filter((s) => s.parent === null),
  );
}

/** The context from config alone (and a menu, if known): what an error page falls back to. */
export function contextWith(
  config: Config,
  assets: { css: string; js: string },
  nav: SiteContext['nav'] = [],
): SiteContext {
  return {
    siteName: config.siteName,
    siteUrl: config.siteUrl,
    lang: config.language,
    zone: config.timeZone,
    m: messages(config.language),
    now: Date.now(),
    nav,
    assets,
  };
}
