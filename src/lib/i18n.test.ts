import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERRORS } from './errors.ts';
import { type Catalog, defineCatalog, registeredCatalogs } from './i18n.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Every `messages.ts` under src/: the convention for where a capability's catalog lives. */
function catalogFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return catalogFiles(path);
    return e.name === 'messages.ts' ? [path] : [];
  });
}

/** Dotted paths of every leaf with its kind (text, or a function taking n arguments). */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, 'text');
  else if (typeof value === 'function') out.set(prefix, `function/${value.length}`);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      for (const [p, kind] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, kind);
    }
  } else out.set(prefix, typeof value);
  return out;
}

describe('message catalogs', async () => {
  const files = catalogFiles(SRC);
  for (const file of files) await import(file);
  const catalogs = registeredCatalogs();

  it('finds a catalog in every messages.ts', () => {
    expect(files.length).toBeGreaterThan(3);
    expect(catalogs.length).toBeGreaterThanOrEqual(files.length);
    expect(new Set(catalogs.map((c) => c.name)).size).toBe(catalogs.length);
  });

  it.each(catalogs.map((c) => [c.name, c] as [string, Catalog<unknown>]))(
    '%s has the same keys, kinds and no empty text in Indonesian and English',
    (_name, catalog) => {
      const id = leaves(catalog.id);
      const en = leaves(catalog.en);
      expect([...en.entries()].sort()).toEqual([...id.entries()].sort());
      for (const [path, kind] of id) expect(kind, path).not.toBe('undefined');
      for (const lang of [catalog.id, catalog.en]) {
        for (const [path] of leaves(lang)) {
          const v = path
            .split('.')
            .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], lang);
          if (typeof v === 'string') expect(v.trim(), path).not.toBe('');
        }
      }
    },
  );

  it('falls back to Indonesian for an unknown language', () => {
    const c = defineCatalog('test-fallback', { hi: 'halo' }, { hi: 'hello' });
    expect(c.t('fr').hi).toBe('halo');
    expect(c.t('en').hi).toBe('hello');
    expect(c.t(undefined).hi).toBe('halo');
  });

  it('every error has a status and a message in both languages', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      expect(e.status, code).toBeGreaterThanOrEqual(400);
      expect(e.id.trim(), code).not.toBe('');
      expect(e.en.trim(), code).not.toBe('');
      expect(e.id, code).not.toBe(e.en);
    }
  });

  it('knows where it looked', () => {
    expect(files.map((f) => relative(SRC, f)).sort()).toContain('comments/messages.ts');
  });
});
