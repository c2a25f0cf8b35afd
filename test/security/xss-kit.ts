import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * The XSS corpus and the probe that loads a page in Chromium and reports
 * anything a vector managed to do there. Used by xss.test.ts only.
 */

export interface Vector {
  v: string;
  src: string;
  kind: string;
}

export interface Corpus {
  sources: Record<string, { title: string; url: string }>;
  vectors: Vector[];
}

/** The vectors in xss-vectors.json. */
export function loadCorpus(): Corpus {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'xss-vectors.json'), 'utf8'));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters a stored text may lose
const DROPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text as compared: controls and bidi overrides dropped (a field may strip
 * them on input), whitespace runs as one space, trimmed. Everything else,
 * every `<`, quote and entity, must come back exactly as sent.
 */
export function canon(s: string): string {
  return s
    .replace(DROPPED, '')
    .replace(LONE_SURROGATE, '')
    .replace(/\uFFFD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Packs vectors into one text of at most `max` characters, starting at
 * `cursor.i` and moving it on (round the corpus); vectors longer than `max`
 * or refused by `fits` are skipped.
 */
export function pack(
  list: string[],
  cursor: { i: number },
  max: number,
  opts: { sep?: string; fits?: (v: string) => boolean; min?: number } = {},
): string {
  const sep = opts.sep ?? ' ';
  let out = '';
  for (let tries = 0; tries < list.length; tries++) {
    const v = list[cursor.i % list.length] ?? '';
    const next = out ? `${out}${sep}${v}` : v;
    if (v.trim() === '' || v.length > max || (opts.fits && !opts.fits(v))) {
      cursor.i++;
      continue;
    }
    if (next.length > max) break;
    out = next;
    cursor.i++;
    if (opts.min !== undefined && out.length >= opts.min) break;
  }
  return out;
}

/** What a page load showed: executions, dialogs, CSP reports, injected markup, page errors. */
export interface Probe {
  url: string;
  hits: string[];
  dialogs: string[];
  csp: string[];
  injected: string[];
  errors: string[];
}

/**
 * Defines the canary before any page script runs: `window.__xss`, and
 * alert/confirm/prompt/print replaced by recorders; CSP violation reports
 * are collected from the first byte of the document.
 */
const INIT = `(() => {
  const hits = [];
  const csp = [];
  Object.defineProperty(window, '__hits', { value: hits });
  Object.defineProperty(window, '__csp', { value: csp });
  const rec = (kind) => function (...args) { hits.push(kind + ':' + String(args[0]).slice(0, 80)); };
  window.__xss = rec('canary');
  window.alert = rec('alert');
  window.confirm = rec('confirm');
  window.prompt = rec('prompt');
  window.print = rec('print');
  document.addEventListener('securitypolicyviolation', (e) => {
    csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '').slice(0, 80));
  }, true);
})();`;

/** A browser context with the canary installed and `cookies` set. */
export async function probeContext(
  browser: Browser,
  base: string,
  cookies: { name: string; value: string; path: string }[] = [],
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: INIT });
  // Nothing leaves the machine: a request elsewhere fails at once instead of waiting on DNS.
  await context.route(
    (url) => !url.href.startsWith(base) && url.protocol !== 'data:',
    (route) => route.abort(),
  );
  if (cookies.length) {
    const domain = new URL(base).hostname;
    await context.addCookies(cookies.map((c) => ({ ...c, domain })));
  }
  return context;
}

/**
 * Scans the live DOM for markup no page of ours has: event-handler
 * attributes, script URLs, frames and objects, inline scripts that are not
 * data, `<base>`, meta refresh, SVG animation and script elements, style
 * elements, CSS expressions. Returns one line per finding.
 */
function scanDom(): string[] {
  const bad: string[] = [];
  const urlAttrs = new Set([
    'href',
    'src',
    'action',
    'formaction',
    'data',
    'xlink:href',
    'poster',
    'background',
    'lowsrc',
    'dynsrc',
    'codebase',
  ]);
  const badTags = new Set([
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'base',
    'math',
    'animate',
    'animatetransform',
    'animatemotion',
    'set',
    'discard',
    'foreignobject',
    'use',
    'handler',
    'listener',
    'style',
    'xss',
    'isindex',
    'keygen',
    'bgsound',
    'marquee',
    'xml',
    'comment',
    'plaintext',
    'xmp',
    'listing',
    'noembed',
    'noframes',
  ]);
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}> ${el.outerHTML.slice(0, 120)}`;
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (badTags.has(tag)) bad.push(`element ${describe(el)}`);
    if (tag === 'script') {
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      const src = el.getAttribute('src');
      const data = type === 'application/ld+json' || type === 'application/json';
      if (!data && !src?.startsWith('/')) bad.push(`script ${describe(el)}`);
      if (data && el.children.length) bad.push(`script with children ${describe(el)}`);
    }
    if (tag === 'meta' && el.hasAttribute('http-equiv')) bad.push(`meta ${describe(el)}`);
    if (tag === 'link' && el.closest('body') && !el.getAttribute('href')?.startsWith('/static/'))
      bad.push(`link in body ${describe(el)}`);
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore these inside URLs
      const value = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(`handler ${name} on ${describe(el)}`);
      if (name === 'srcdoc' || name === 'popover' || name === 'formaction')
        bad.push(`${name} on ${describe(el)}`);
      if (urlAttrs.has(name) && /^(javascript|vbscript|livescript):/.test(value))
        bad.push(`script URL in ${name} on ${describe(el)}`);
      if (urlAttrs.has(name) && value.startsWith('data:') && tag !== 'img' && tag !== 'source')
        bad.push(`data URL in ${name} on ${describe(el)}`);
      if (name === 'style' && /expression|javascript|url\(|animation|behavior|binding/.test(value))
        bad.push(`style on ${describe(el)}`);
    }
  }
  return bad;
}

/**
 * Loads `url` in a new page of `context` and reports what happened there;
 * `check` runs further assertions on the loaded page before it closes.
 */
export async function probe(
  context: BrowserContext,
  url: string,
  check?: (page: Page) => Promise<void>,
): Promise<Probe> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  const consoleCsp: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text()))
      consoleCsp.push(msg.text().slice(0, 200));
  });
  const res = await page.goto(url, { waitUntil: 'load' });
  const out = await inspect(page, url);
  await check?.(page);
  out.errors.push(...errors);
  if (res && res.status() >= 500) out.errors.push(`status ${res.status()}`);
  out.dialogs.push(...dialogs);
  if (out.csp.length === 0) out.csp.push(...consoleCsp);
  await page.close();
  return out;
}

/** Runs `work` over `items`, `n` at a time (pages load in parallel, as a browser's tabs would). */
export async function inPool<T, R>(
  items: T[],
  n: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
  return out;
}

/** Reads the canary's records and scans the DOM of an open page. */
export async function inspect(page: Page, url: string): Promise<Probe> {
  // Let focus, animation and error events that a vector would ride on fire.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 60))));
  const injected = await page.evaluate(scanDom);
  const found = await page.evaluate(() => {
    const w = window as unknown as { __hits: string[]; __csp: string[] };
    return { hits: [...w.__hits], csp: [...w.__csp] };
  });
  return { url, ...found, injected, dialogs: [], errors: [] };
}

/** Parses HTML fragments inertly (DOMParser) in the page: element count and text of each. */
export async function parseHtmlTexts(
  page: Page,
  texts: string[],
): Promise<{ elements: string[]; text: string }[]> {
  return page.evaluate((list) => {
    return list.map((s) => {
      const doc = new DOMParser().parseFromString(s, 'text/html');
      return {
        elements: Array.from(doc.querySelectorAll('*'))
          .map((e) => e.tagName.toLowerCase())
          .filter((t) => t !== 'html' && t !== 'head' && t !== 'body'),
        text: doc.documentElement.textContent ?? '',
      };
    });
  }, texts);
}

const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What a strict XML 1.0 parser refuses that fast-xml-parser's validator lets
 * through: characters outside the `Char` production, raw or as references.
 */
export function xmlCharProblem(xml: string): string | null {
  const raw = NOT_XML_CHAR.exec(xml);
  if (raw)
    return `character U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${raw.index}`;
  for (const m of xml.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)) {
    const ref = m[1] ?? '';
    const code = ref[0] === 'x' || ref[0] === 'X' ? Number.parseInt(ref.slice(1), 16) : Number(ref);
    const ok =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!ok) return `reference ${m[0]} at ${m.index}`;
  }
  return null;
}
