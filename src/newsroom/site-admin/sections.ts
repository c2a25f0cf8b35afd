import { createSection, moveSection, updateSection } from '../../content/section-commands.ts';
import type { Db } from '../../db/connection.ts';
import { recordLegacyPaths } from '../../ingest/wordpress/redirects.ts';
import { AppError } from '../../lib/errors.ts';
import type { EventBus } from '../../lib/events.ts';
import { audit } from '../audit.ts';
import { can } from '../policy.ts';
import type { Actor } from './settings.ts';

/**
 * The admins' section commands: policy, content's section command (checks,
 * write, `sections.changed`), the audit entry, and for a changed slug the old
 * section address and its feed recorded as redirects (the old-address table
 * the WordPress import also fills), so links to the old section page keep
 * working. Article addresses need nothing: they carry the article's id.
 */

export interface SectionFormInput {
  name: string;
  slug: string;
  parentId: number | null;
  hidden: boolean;
}

function allowed(actor: Actor): void {
  if (!can(actor.role, 'section.manage')) throw new AppError('FORBIDDEN');
}

export async function addSection(
  db: Db,
  events: EventBus,
  actor: Actor,
  input: SectionFormInput,
  now = Date.now(),
): Promise<number> {
  allowed(actor);
  const k = db.kysely;
  let parentSlug: string | undefined;
  if (input.parentId != null) {
    const parent = await k
      .selectFrom('sections')
      .select('slug')
      .where('id', '=', input.parentId)
      .executeTakeFirst();
    if (!parent) throw new AppError('SECTION_PARENT_INVALID');
    parentSlug = parent.slug;
  }
  // New sections go to the end of their level.
  const last = await k
    .selectFrom('sections')
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .executeTakeFirst();
  const id = await createSection(
    k,
    {
      name: input.name,
      slug: input.slug,
      parentSlug,
      hidden: input.hidden,
      position: Number(last?.p ?? 0) + 1,
    },
    events,
  );
  await audit(
    db,
    {
      actorId: actor.id,
      action: 'section.create',
      target: `section:${id}`,
      detail: input.slug,
      ipHash: actor.ipHash,
    },
    now,
  );
  return id;
}

/** Saves a section's form; returns the old and new slug (different when it was renamed). */
export async function editSection(
  db: Db,
  events: EventBus,
  actor: Actor,
  id: number,
  input: SectionFormInput,
  now = Date.now(),
): Promise<{ oldSlug: string; slug: string }> {
  allowed(actor);
  const out = await updateSection(
    db.kysely,
    id,
    { name: input.name, slug: input.slug, parentId: input.parentId, hidden: input.hidden },
    events,
  );
  if (out.oldSlug !== out.slug) {
    await recordLegacyPaths(
      db.kysely,
      [
        { key: `/${out.oldSlug}`, target: { kind: 'section', id } },
        { key: `/${out.oldSlug}/feed`, target: { kind: 'section-feed', id } },
      ],
      now,
    );
  }
  await audit(
    db,
    {
      actorId: actor.id,
      action: 'section.update',
      target: `section:${id}`,
      detail: out.oldSlug === out.slug ? input.name : `${out.oldSlug} → ${out.slug}`,
      ipHash: actor.ipHash,
    },
    now,
  );
  return out;
}

export async function shiftSection(
  db: Db,
  events: EventBus,
  actor: Actor,
  id: number,
  direction: 'up' | 'down',
  now = Date.now(),
): Promise<void> {
  allowed(actor);
  await moveSection(db.kysely, id, direction, events);
  await audit(
    db,
    {
      actorId: actor.id,
      action: 'section.move',
      target: `section:${id}`,
      detail: direction,
      ipHash: actor.ipHash,
    },
    now,
  );
}
