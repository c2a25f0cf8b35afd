import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { siteIdentity } from '../newsroom/site-admin/live-settings.ts';
import { iconVersionFor } from './icons.ts';
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
  // Sections an admin hid stay out of the menus (their pages still answer).
  const hidden = new Set(sections.filter((s) => s.hidden).map((s) => s.id));
  return contextWith(
    config,
    assets,
    sections
      .filter((s) => s.parent === null && !s.hidden)
      .map((s) =>
        s.children.some((c) => hidden.has(c.id))
          ? { ...s, children: s.children.filter((c) => !hidden.has(c.id)) }
          : s,
      ),
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
    iconVersion: iconVersionFor(config),
    identity: siteIdentity(config),
    siteUrl: config.siteUrl,
    lang: config.language,
    zone: config.timeZone,
    m: messages(config.language),
    now: Date.now(),
    nav,
    assets,
  };
}
