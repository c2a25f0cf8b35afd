import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Migrations are immutable once landed: a database in a newsroom has already
 * run them, so an edit would never reach it. A change to the schema is a new
 * migration; when one lands, add its digest here in the same commit.
 */
const LANDED: Record<string, string> = {
  '001-initial.ts': 'abc6d0af817000bd1f063f5fc418a0a754430dd23a5da4c773b679943834b6fc',
  '002-newsroom.ts': '3fc7e3c3c0f2c0d26ccb60ec3976ab414ab708fdbf44bbc0a0b015de8f9a9a99',
  '003-search.ts': '47aa9bf75886d9b035e50fd73b2400ddcf8677037d6e8887afdcf7e3945d2fb8',
  '004-related.ts': 'd3cf513f36118312526c0c9804a9cc68a916d29e3aa9d0a2041b5286d92d8aa2',
  '005-workflow.ts': '5780bb7be83a0f2e8c582006ce41ad716af09935fffe273f530bb4231910edb1',
  '006-media.ts': '7d632a81f7e68b26dee53f35bf7d363c4eb345a2d38242555a22e1c1878a2cb2',
  '007-comments.ts': 'ca763f7e7905977010ff0ad20f65d6b508ea5127ef0d8440f9a8f741adc24fb9',
  '008-login-limits.ts': 'c021c1bb11ed1b78e20a60e6f13ff82aadc80e3fed5326ca862bfde3b5c5b8ed',
  '009-wordpress-import.ts': '7a78f8565c93231f15faf73d395cc9f1d124248aa3c4eefb4f5620b6a40d69c8',
  '010-wire-desk.ts': 'f7a9133d07e6ba52c4c06ee82270ae51a43a2e0f04de2fb3a5a8338fa74fb20f',
  '011-api.ts': '8ce2c396eda69070b1077fb0892c834f6c2e7b1792d2b232a007f4936c0471c8',
  '012-home-lead-and-comment-users.ts':
    '94e7f73f9c54dcc7e87bf72905b50f2968ceeec990a8d428f80c9dc8842172d8',
  '013-site-settings.ts': '9756fb2a2d3bbb72af7991c74a21672742f3265dd3d982cce67d22b8319ff8c4',
  '014-workflow-review.ts': '1e4efc30d957d4e93358d1e9b4ca6c7f73a5803f2f947f46ffd724bf8edd4b8f',
  '015-media-published.ts': '3a1d10f1e2317c1016c0db0760e3833eb35bd6a0b9fc7a0a6eb4c4f1ba85169a',
  '016-periodic-jobs.ts': 'e5006a0d61b94fd709f39f85b32949f1e19b801135a4401c778d0e064b9abcc0',
  '017-news-sitemap-exclusions.ts':
    '3c47f7b419044ed7cde206a00ab842a16e75bb86443b4db4c7bb0b706325655d',
};

const DIR = new URL('./migrations/', import.meta.url);

describe('migrations', () => {
  it('landed migrations are unchanged (a schema change is a new migration)', () => {
    for (const [name, digest] of Object.entries(LANDED)) {
      const actual = createHash('sha256')
        .update(readFileSync(new URL(name, DIR)))
        .digest('hex');
      expect(actual, `${name} was edited after it landed; add a new migration instead`).toBe(
        digest,
      );
    }
  });

  it('every migration file is recorded, numbered in order, none removed', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.sort()).toEqual(Object.keys(LANDED).sort());
    files.forEach((f, i) => {
      expect(f.startsWith(String(i + 1).padStart(3, '0'))).toBe(true);
    });
  });
});
