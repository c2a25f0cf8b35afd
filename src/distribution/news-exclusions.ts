import type { Kysely } from 'kysely';
import type { Section } from '../content/model.ts';
import { existingArticleIds } from '../content/reads.ts';
import type { Actor } from '../content/workflow.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { audit } from '../newsroom/audit.ts';
import { can } from '../newsroom/policy.ts';

/**
 * What an editor kept out of the Google News sitemap: whole sections (a
 * parent takes its subsections with it) and single articles. Stored in
 * distribution's own table, so an exclusion never touches the article (its
 * `lastmod` does not move) and works for a story not yet published.
 */

type DB = Kysely<Database>;

export interface NewsExclusions {
  sections: Set<number>;
  articles: Set<number>;
}

export async function newsExclusions(db: DB): Promise<NewsExclusions> {
  const rows = await db.selectFrom('news_exclusions').select(['kind', 'target_id']).execute();
  const of = (kind: string) =>
    new Set(rows.filter((r) => r.kind === kind).map((r) => Number(r.target_id)));
  return { sections: of('section'), articles: of('article') };
}

/** The sections whose articles stay out: the excluded ones and their subsections. */
export function excludedSectionIds(sections: Section[], excluded: Set<number>): Set<number> {
  const out = new Set<number>();
  for (const s of sections) {
    if (excluded.has(s.id) || (s.parent && excluded.has(s.parent.id))) out.add(s.id);
  }
  return out;
}

interface ExclusionProps {
  db: Db;
  events: EventBus;
  actor: Actor;
  ipHash?: string;
  now?: number;
}

/** Checks the policy, writes, audits and announces one change of the exclusions. */
async function change(
  props: ExclusionProps,
  action: string,
  target: string,
  detail: string,
  write: (tx: DB, now: number) => Promise<void>,
): Promise<void> {
  if (!can(props.actor.role, 'news.sitemap')) throw new AppError('FORBIDDEN');
  const now = props.now ?? Date.now();
  await props.db.kysely.transaction().execute(async (tx) => {
    await write(tx, now);
    await audit(
      tx,
      { actorId: props.actor.userId, action, target, detail, ipHash: props.ipHash ?? '' },
      now,
    );
  });
  await props.events.emit('news.sitemap.changed', {});
}

/**
 * Keeps an article out of the news sitemap (`excluded`) or lets it back in.
 * An article id that does not exist is NOT_FOUND.
 */
export async function setArticleNewsExclusion(
  props: ExclusionProps & { articleId: number; excluded: boolean },
): Promise<void> {
  const { articleId, excluded } = props;
  if (!(await existingArticleIds(props.db.kysely, [articleId])).has(articleId))
    throw new AppError('NOT_FOUND');
  await change(
    props,
    excluded ? 'news.sitemap.excluded' : 'news.sitemap.included',
    `article:${articleId}`,
    '',
    async (tx, now) => {
      await tx
        .deleteFrom('news_exclusions')
        .where('kind', '=', 'article')
        .where('target_id', '=', articleId)
        .execute();
      if (excluded)
        await tx
          .insertInto('news_exclusions')
          .values({
            kind: 'article',
            target_id: articleId,
            set_by: props.actor.userId,
            set_at: now,
          })
          .execute();
    },
  );
}

/** Replaces the set of excluded sections (ids of sections that do not exist are ignored). */
export async function setSectionNewsExclusions(
  props: ExclusionProps & { sectionIds: number[]; known: Section[] },
): Promise<void> {
  const known = new Set(props.known.map((s) => s.id));
  const ids = [...new Set(props.sectionIds)].filter((id) => known.has(id));
  const names = props.known.filter((s) => ids.includes(s.id)).map((s) => s.name);
  await change(props, 'news.sitemap.sections', 'sections', names.join(', '), async (tx, now) => {
    await tx.deleteFrom('news_exclusions').where('kind', '=', 'section').execute();
    if (ids.length)
      await tx
        .insertInto('news_exclusions')
        .values(
          ids.map((id) => ({
            kind: 'section' as const,
            target_id: id,
            set_by: props.actor.userId,
            set_at: now,
          })),
        )
        .execute();
  });
}
