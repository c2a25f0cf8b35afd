import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * When a photo first appeared before readers (an article using it, featured
 * or in the body, was published), so a kontributor's library can list the
 * photos readers already see beside their own uploads without scanning every
 * article body (media/publication.ts keeps it up to date from the domain
 * events). Photos of articles published before this migration are marked
 * from those articles, once.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('media').addColumn('published_at', 'bigint').execute();
  const rows = await sql<{ featured: number | null; body: string; at: number | string | null }>`
    select featured_media_id as featured, body, published_at as at
    from articles where status = 'published' and deleted_at is null`.execute(db);
  const firstSeen = new Map<number, number>();
  for (const r of rows.rows) {
    const at = Number(r.at ?? 0);
    const ids = new Set<number>();
    if (r.featured != null) ids.add(Number(r.featured));
    for (const m of r.body.matchAll(/"mediaId":(\d+)[,}]/g)) ids.add(Number(m[1]));
    for (const id of ids) firstSeen.set(id, Math.min(firstSeen.get(id) ?? at, at));
  }
  for (const [id, at] of firstSeen) {
    await sql`update media set published_at = ${at} where id = ${id}`.execute(db);
  }
}
