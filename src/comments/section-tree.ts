import type { Section } from '../content/model.ts';

/** A section as the moderators' pickers list it: once, in display order, with its nesting depth. */
export interface SectionOption {
  id: number;
  name: string;
  /** 0 for a top-level section, 1 for its children, and so on. */
  depth: number;
}

/**
 * Content's section list (every section, each with its children) as one list
 * in tree order: each section once, its children right after it. A section
 * whose parent is missing is listed at the top level; a cycle stops.
 */
export function sectionTree(sections: readonly Section[]): SectionOption[] {
  const ids = new Set(sections.map((s) => s.id));
  const out: SectionOption[] = [];
  const seen = new Set<number>();
  const add = (s: Section, depth: number) => {
    if (seen.has(s.id)) return;
    seen.add(s.id);
    out.push({ id: s.id, name: s.name, depth });
    for (const child of sections.filter((c) => c.parent?.id === s.id)) add(child, depth + 1);
  };
  for (const s of sections) if (!s.parent || !ids.has(s.parent.id)) add(s, 0);
  return out;
}
