import { describe, expect, it } from 'vitest';
import { isReservedSlug } from '../lib/slug.ts';
import { DEMO_COMMENTS } from './comments.ts';
import { DEMO_PEOPLE } from './people.ts';
import { DEMO_SECTIONS } from './sections.ts';
import { DEMO_STORIES } from './stories.ts';

describe('demo newspaper content', () => {
  const keys = new Map(DEMO_STORIES.map((s) => [s.key, s]));

  it('has at least 40 stories across at least 6 sections', () => {
    expect(DEMO_STORIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(DEMO_STORIES.map((s) => s.section)).size).toBeGreaterThanOrEqual(6);
    expect(keys.size).toBe(DEMO_STORIES.length);
  });

  it('refers only to sections, people and stories that exist', () => {
    const sections = new Set(DEMO_SECTIONS.map((s) => s.slug));
    const people = new Set(DEMO_PEOPLE.map((p) => p.slug));
    for (const s of DEMO_STORIES) {
      expect(sections.has(s.section), s.key).toBe(true);
      for (const b of s.bylines) expect(people.has(b), `${s.key} byline ${b}`).toBe(true);
      for (const pin of s.pins ?? []) {
        const target = keys.get(pin);
        expect(target, `${s.key} pin ${pin}`).toBeDefined();
        expect(target?.hoursAgo, `${s.key} pins an older story`).toBeGreaterThan(s.hoursAgo);
      }
      if (s.updatedHoursAgo !== undefined) expect(s.updatedHoursAgo).toBeLessThan(s.hoursAgo);
    }
    for (const c of DEMO_COMMENTS) expect(keys.has(c.story), c.story).toBe(true);
  });

  it('uses clean section slugs and nests one level only', () => {
    for (const s of DEMO_SECTIONS) {
      expect(isReservedSlug(s.slug), s.slug).toBe(false);
      if (s.parent) {
        const parent = DEMO_SECTIONS.find((p) => p.slug === s.parent);
        expect(parent?.parent, s.slug).toBeUndefined();
      }
    }
  });

  it('shows a mature page: datelines, initials, captions, credits and quotes', () => {
    for (const s of DEMO_STORIES) {
      expect(s.headline.length, s.key).toBeGreaterThan(20);
      expect(s.initials, s.key).toMatch(/^[A-Za-z]+\/[A-Za-z]+$/);
      expect(s.image.caption.length, s.key).toBeGreaterThan(10);
      expect(s.image.credit.length, s.key).toBeGreaterThan(2);
      expect(s.image.caption, s.key).not.toMatch(/^Arsip/);
      expect(s.blocks.filter((b) => b.type === 'paragraph').length, s.key).toBeGreaterThanOrEqual(
        4,
      );
    }
    expect(
      DEMO_STORIES.filter((s) => s.blocks.some((b) => b.type === 'quote')).length,
    ).toBeGreaterThan(10);
    expect(DEMO_STORIES.filter((s) => s.source).length).toBeGreaterThan(5);
    expect(DEMO_STORIES.filter((s) => s.image.archive).length).toBeGreaterThan(2);
  });
});
