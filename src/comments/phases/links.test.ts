import { describe, expect, it } from 'vitest';
import { countLinks, linkCheck } from './links.ts';
import { candidate, env } from './phase-kit.ts';

describe('links', () => {
  it('counts http(s) and www. links', () => {
    expect(countLinks('a https://a.id b http://b.id c www.c.id')).toBe(3);
    expect(countLinks('tanpa tautan')).toBe(0);
  });
  it('holds two or more links, accepts one', () => {
    expect(linkCheck.run(candidate({ body: 'lihat https://a.id' }), env(null))).toEqual({
      kind: 'accept',
    });
    expect(linkCheck.run(candidate({ body: 'https://a.id dan https://b.id' }), env(null))).toEqual({
      kind: 'hold',
      reason: 'links',
    });
  });
});
