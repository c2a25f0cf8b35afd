import type { Config } from '../config.ts';
import type { Section } from '../content/model.ts';
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
  return contextWith(config, assets, menuOf(await cachedSections(db.kysely)));
}

/**
 * The menu of each list of sections, built once: the same object for as long
 * as the read cache holds the list, so what is drawn from it (the masthead
 * and footer, layout.tsx) can be kept by it.
 */
const menus = new WeakMap<Section[], Section[]>();

function menuOf(sections: Section[]): Section[] {
  let menu = menus.get(sections);
  if (!menu) {
    // Sections an admin hid stay out of the menus (their pages still answer).
    const hidden = new Set(sections.filter((s) => s.hidden).map((s) => s.id));
    menu = sections
      .filter((s) => s.parent === null && !s.hidden)
      .map((s) =>
        s.children.some((c) => hidden.has(c.id))
          ? { ...s, children: s.children.filter((c) => !hidden.has(c.id)) }
          : s,
      );
    menus.set(sections, menu);
  }
  return menu;
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
