import { ensureTag } from '../../content/commands.ts';
import { createSection } from '../../content/section-commands.ts';
import { isReservedSlug, slugify } from '../../lib/slug.ts';
import { excerptText } from './body.ts';
import { type LegacyTarget, recordLegacyPaths } from './redirects.ts';
import { type Run, safeDecode } from './run.ts';
import type { WxrTerm } from './wxr-reader.ts';

/**
 * Categories become sections (nested at most one level: deeper ones hang
 * under their top category), tags become tags, and their old archive and feed
 * addresses, with the site's feeds, become redirects.
 */
export async function importTerms(run: Run): Promise<void> {
  const cats = run.cat.terms.filter((t) => t.kind === 'category');
  const bySlug = new Map(cats.map((c) => [c.slug, c]));
  const topOf = (c: WxrTerm): { top: WxrTerm; depth: number } => {
    let top = c;
    let depth = 0;
    const seen = new Set<string>();
    while (top.parent && bySlug.has(top.parent) && !seen.has(top.parent)) {
      seen.add(top.parent);
      top = bySlug.get(top.parent) as WxrTerm;
      depth++;
    }
    return { top, depth };
  };
  const ordered = cats.map((c) => ({ c, ...topOf(c) })).sort((a, b) => a.depth - b.depth);
  for (const { c, top, depth } of ordered) {
    const parentSlug = depth === 0 ? undefined : run.sectionSlugs.get(top.slug);
    if (depth > 1) run.report('section', c.id, 'section-flattened', 'changed');
    const existing = await run.mapped('category', c.id);
    if (existing) {
      run.counts.section.existing++;
      run.sections.set(c.slug, existing);
      const row = await run.k
        .selectFrom('sections')
        .select('slug')
        .where('id', '=', existing)
        .executeTakeFirst();
      if (row) run.sectionSlugs.set(c.slug, row.slug);
      continue;
    }
    let slug = slugify(safeDecode(c.slug) || c.name);
    if (!slug || isReservedSlug(slug) || /^\d+$/.test(slug)) {
      const renamed = slugify(`${slug || 'rubrik'}-wp`);
      run.report('section', c.id, 'section-renamed', 'changed', [renamed]);
      slug = renamed;
    }
    const found = await run.k
      .selectFrom('sections')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    let id: number;
    if (found) {
      id = found.id;
      run.report('section', c.id, 'section-merged', 'changed');
    } else {
      id = await createSection(run.k, {
        slug,
        name: c.name.trim() || slug,
        parentSlug,
        description: excerptText(c.description),
      });
      run.counts.section.imported++;
    }
    await run.map('category', c.id, id);
    run.sections.set(c.slug, id);
    run.sectionSlugs.set(c.slug, slug);
  }
  for (const t of run.cat.terms.filter((t) => t.kind === 'tag')) {
    const name = t.name.trim() || safeDecode(t.slug);
    if (!slugify(name)) continue;
    const existing = await run.mapped('tag', t.id);
    if (existing) {
      run.counts.tag.existing++;
    } else {
      run.counts.tag.imported++;
    }
    const id = existing ?? (await ensureTag(run.k, name));
    if (!existing) await run.map('tag', t.id, id);
    run.tags.set(t.slug, { id, slug: slugify(name) });
  }
  // Category and tag archives, their feeds and `?cat=`/`?tag=` links.
  const catPath = (c: WxrTerm): string => {
    const parts = [c.slug];
    let cur = c;
    const seen = new Set<string>();
    while (cur.parent && bySlug.has(cur.parent) && !seen.has(cur.parent)) {
      seen.add(cur.parent);
      cur = bySlug.get(cur.parent) as WxrTerm;
      parts.unshift(cur.slug);
    }
    return parts.join('/');
  };
  const legacy: { key: string; target: LegacyTarget }[] = [];
  for (const c of cats) {
    const id = run.sections.get(c.slug);
    if (!id) continue;
    const p = `/category/${catPath(c)}`;
    legacy.push({ key: p, target: { kind: 'section', id } });
    legacy.push({ key: `${p}/feed`, target: { kind: 'section-feed', id } });
    legacy.push({ key: `?cat=${c.id}`, target: { kind: 'section', id } });
  }
  for (const t of run.cat.terms.filter((t) => t.kind === 'tag')) {
    const tag = run.tags.get(t.slug);
    if (!tag) continue;
    legacy.push({ key: `/tag/${t.slug}`, target: { kind: 'tag', id: tag.id } });
    legacy.push({ key: `/tag/${t.slug}/feed`, target: { kind: 'tag', id: tag.id } });
    legacy.push({ key: `?tag=${t.slug}`, target: { kind: 'tag', id: tag.id } });
  }
  for (const key of [
    '/feed',
    '/feed/rss2',
    '/feed/atom',
    '/rss',
    '/comments/feed',
    '?feed=rss2',
    '?feed=rss',
    '?feed=atom',
    '?feed=comments-rss2',
  ]) {
    legacy.push({ key, target: { kind: 'feed', id: 0 } });
  }
  run.counts.redirect.imported += await recordLegacyPaths(run.k, legacy, run.now());
}
