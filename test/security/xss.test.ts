import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS as COMMENT_LIMITS, isHttpUrl } from '../../src/comments/validate.ts';
import type { Block, ListBlock } from '../../src/content/blocks.ts';
import { loadEditable } from '../../src/content/editable.ts';
import { hasUnsafeChars } from '../../src/lib/plain-text.ts';
import { blocksToDoc, type PMNode } from '../../src/newsroom/articles/blocks-convert.ts';
import { setSettings, solvedPayload, tokenFor } from '../comments-kit.ts';
import { launchChromium } from '../e2e/browser.ts';
import { makeImage, makeSection } from '../factories.ts';
import { type TestApp, testApp } from '../helpers.ts';
import { loginAs } from '../staff.ts';
import {
  canon,
  inPool,
  inspect,
  loadCorpus,
  type Probe,
  pack,
  parseHtmlTexts,
  probe,
  probeContext,
  xmlCharProblem,
} from './xss-kit.ts';

/**
 * Issue 9's proof against stored and reflected XSS: every vector of the
 * corpus goes in through the routes a stranger (the comment form) and a
 * kontributor (the article editor's save and autosave) use, a redaktur
 * publishes and moderates through the real routes, and every page that shows
 * them is loaded in Chromium with a canary; every feed is parsed by a strict
 * XML parser and every JSON carrying them is checked to hold them as text.
 */

/** Articles written; each carries every vector in its body, in a different block kind. */
const K = 6;
/** Pages loaded at once. */
const TABS = 3;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

type Staff = Awaited<ReturnType<typeof loginAs>>;

interface Written {
  id: number;
  sectionSlug: string;
  fields: Record<string, string>;
  body: Block[];
  tags: string[];
  bylines: string[];
  url: string;
  autosaved: Record<string, string>;
}

describe('XSS corpus through every field, page, feed and JSON response', () => {
  const corpus = loadCorpus();
  const all = corpus.vectors.map((x) => x.v);
  let app: TestApp;
  let base: string;
  let browser: Browser;
  let writer: Staff;
  let editor: Staff;
  const sections: { id: number; slug: string }[] = [];
  const articles: Written[] = [];
  const probes: Probe[] = [];
  const coverage: Record<string, Set<string>> = {};
  const sentPlain = new Set<string>();
  const commentsSent = new Map<number, { name: string; body: string; website: string }>();
  let mediaId = 0;

  const note = (field: string, text: string) => {
    const set = coverage[field] ?? new Set<string>();
    coverage[field] = set;
    for (const v of all) if (v.trim() && text.includes(v)) set.add(v);
  };

  const json = (who: Staff, method: 'GET' | 'POST', url: string, body?: unknown) =>
    app.server.inject({
      method,
      url,
      headers: {
        cookie: who.cookie,
        accept: 'application/json',
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', 'x-csrf-token': who.csrf }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  const cookiesOf = (who: Staff) => [
    { name: 'warta_session', value: who.token, path: '/newsroom' },
  ];

  beforeAll(async () => {
    app = await testApp('sqlite', { pageCacheTtl: 0 });
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await launchChromium();
    for (const name of ['Daerah', 'Hukum']) sections.push(await makeSection(app.db, name));
    mediaId = await makeImage(app.db, app.mediaDir);
    writer = await loginAs(app, 'kontributor', { name: 'Kadek Kontributor' });
    editor = await loginAs(app, 'redaktur', { name: 'Rina Redaktur' });
    await setSettings(app, { mode: 'pre', rateWindowSeconds: 0, ratePerHour: 1000 });
  }, 240_000);

  afterAll(async () => {
    const lines = Object.entries(coverage).map(([f, set]) => `${f} ${set.size}`);
    console.log(
      `XSS corpus: ${all.length} vectors from ${Object.keys(corpus.sources).length} collections; ${probes.length} page loads in Chromium; vectors per field: ${lines.join(', ')}`,
    );
    await browser?.close();
    await app?.dispose();
  });

  /** The body of article `k`: every vector, each in a different block kind in each article. */
  function bodyFor(k: number): Block[] {
    const blocks: Block[] = [];
    const items: ListBlock = { type: 'list', ordered: k % 2 === 0, items: [] };
    all.forEach((v, i) => {
      const kind = (i + k) % 5;
      if (kind === 0 || v.length > 300) {
        blocks.push({
          type: 'paragraph',
          content: [
            { text: v },
            { text: ' tautan ' },
            { text: v, marks: ['link'], href: v },
            { text: ' dan ' },
            { text: `situs ${i}`, marks: ['bold', 'link'], href: `https://x.test/${v}` },
          ],
        });
      } else if (kind === 1) {
        blocks.push({ type: 'heading', level: i % 2 ? 2 : 3, text: v });
        blocks.push({ type: 'quote', text: v, cite: v.length <= 200 ? v : undefined });
      } else if (kind === 2) {
        items.items.push([
          { text: v, marks: ['italic'] },
          { text: ' ' },
          {
            text: `butir ${i}`,
            marks: ['link'],
            href: v,
          },
        ]);
      } else if (kind === 3) {
        blocks.push({
          type: 'image',
          mediaId,
          caption: v,
          ...(v.length <= 150 ? { credit: v } : {}),
          alt: v,
        });
      } else {
        blocks.push({
          type: 'embed',
          provider: 'youtube',
          url: `https://www.youtube.com/watch?v=${v}`,
          title: v,
        });
      }
    });
    if (items.items.length) blocks.push(items);
    return blocks;
  }

  /** Comma lists (tags, bylines): vectors whose pieces all fit. */
  function commaList(cursor: { i: number }, maxPieces: number, maxLen: number): string {
    const out: string[] = [];
    let pieces = 0;
    for (let tries = 0; tries < all.length && pieces < maxPieces; tries++) {
      const v = all[cursor.i % all.length] ?? '';
      cursor.i++;
      const parts = v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      if (
        !parts.length ||
        parts.some((p) => p.length > maxLen) ||
        pieces + parts.length > maxPieces
      )
        continue;
      out.push(v);
      pieces += parts.length;
    }
    return out.join(', ');
  }

  const splitList = (s: string) => [
    ...new Set(
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];

  it('a kontributor saves every vector in every article field; a redaktur publishes them', async () => {
    const caps: [string, number][] = [
      ['headline', 200],
      ['deck', 500],
      ['dateline', 60],
      ['sourceCredit', 120],
      ['bylineInitials', 40],
      ['seoTitle', 120],
      ['seoDescription', 320],
      ['featuredCaption', 500],
      ['featuredCredit', 150],
      ['featuredAlt', 300],
    ];
    // Each field walks the corpus from its own starting point.
    const cursors = Object.fromEntries(
      caps.map(([f], n) => [f, { i: Math.floor((n * all.length) / caps.length) }]),
    );
    // Headline and deck start with the control and text-direction characters (issue 9, finding 4).
    const controls = corpus.vectors.findIndex((x) => x.kind === 'unicode');
    (cursors.headline as { i: number }).i = controls;
    (cursors.deck as { i: number }).i = controls + 2;
    const tagCursor = { i: 7 };
    const bylineCursor = { i: all.length >> 1 };
    for (let k = 0; k < K; k++) {
      const section = sections[k % sections.length] as { id: number; slug: string };
      const fieldsOnce = () => {
        const f: Record<string, string> = {};
        for (const [name, cap] of caps) f[name] = pack(all, cursors[name] as { i: number }, cap);
        f.tags = commaList(tagCursor, 20, 60);
        f.bylines = commaList(bylineCursor, 6, 100);
        return f;
      };
      // The published values first: article 1's headline and deck get the control characters.
      const final = fieldsOnce();
      const draft = fieldsOnce();
      const created = await json(writer, 'POST', '/newsroom/artikel', {
        headline: draft.headline,
        sectionId: String(section.id),
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { id: number }).id;
      const payload = (f: Record<string, string>, version: number, body: Block[]) => ({
        ...f,
        version,
        slug: '',
        sectionId: String(section.id),
        featuredMediaId: String(mediaId),
        featuredArchive: false,
        pins: '',
        commentsOpen: true,
        body,
      });
      // Autosave one set of vectors, then save another: the revision diff shows both.
      const auto = await json(
        writer,
        'POST',
        `/newsroom/artikel/${id}/autosave`,
        payload(draft, 1, bodyFor(k + 3)),
      );
      expect(auto.statusCode, auto.body).toBe(200);
      const body = bodyFor(k);
      const saved = await json(
        writer,
        'POST',
        `/newsroom/artikel/${id}`,
        payload(final, (auto.json() as { version: number }).version, body),
      );
      expect(saved.statusCode, saved.body).toBe(200);
      const out = saved.json() as { version: number; slug: string };
      expect(out.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const [f, text] of [...Object.entries(draft), ...Object.entries(final)]) note(f, text);
      note('body', strings(body).join('\u0001'));
      // Tags and people are created by the autosave too (and keep the first spelling of a slug).
      for (const f of [draft, final]) {
        for (const text of Object.values(f)) sentPlain.add(canon(text));
        for (const t of [...splitList(f.tags ?? ''), ...splitList(f.bylines ?? '')])
          sentPlain.add(canon(t));
      }
      articles.push({
        id,
        sectionSlug: section.slug,
        fields: final,
        body,
        tags: splitList(final.tags ?? ''),
        bylines: splitList(final.bylines ?? ''),
        url: '',
        autosaved: draft,
      });
    }
    for (const [f, set] of Object.entries(coverage)) expect(set.size, f).toBeGreaterThan(0);
    expect(coverage.body?.size).toBe(new Set(all.filter((v) => v.trim())).size);
  }, 60_000);

  it('the newsroom editor, preview and revision diff show them as text', async () => {
    const ctx = await probeContext(browser, base, cookiesOf(writer));
    const editorCheck = (a: Written) => async (page: Page) => {
      // The TipTap editor ran over the stored body.
      await page.locator('.nr-prose').waitFor();
      // Its JSON for the editor script, as the browser reads it, is the stored document.
      const data = JSON.parse(
        (await page.locator('script[type="application/json"]').first().textContent()) ?? '',
      ) as { doc: PMNode };
      const stored = await loadEditable(app.db.kysely, a.id);
      expect(stripSrc(data.doc)).toEqual(stripSrc(blocksToDoc(stored?.edit.body ?? [])));
      // Every plain field is in its input, as the value that was saved.
      const values = await page.evaluate(() =>
        Array.from(document.querySelectorAll('input[name], textarea[name]')).map((el) => [
          el.getAttribute('name') ?? '',
          (el as HTMLInputElement).value,
        ]),
      );
      const byName = Object.fromEntries(values);
      for (const f of ['headline', 'deck', 'dateline', 'seoTitle', 'seoDescription']) {
        // A one-line input drops line breaks from its value (HTML's value sanitization), and
        // a one-line field may store them as spaces: compared without whitespace.
        const oneLine = (x: string) => canon(x).replace(/\s/g, '');
        expect(oneLine(byName[f] ?? ''), f).toBe(oneLine(a.fields[f] ?? ''));
      }
    };
    // The preview is the public page's renderer (loaded below for every article): two suffice.
    const loads = articles.flatMap((a, i) => [
      { url: `${base}/newsroom/artikel/${a.id}`, check: editorCheck(a) },
      { url: `${base}/newsroom/artikel/${a.id}/riwayat` },
      ...(i < 2 ? [{ url: `${base}/newsroom/artikel/${a.id}/pratinjau` }] : []),
    ]);
    probes.push(...(await inPool(loads, TABS, (l) => probe(ctx, l.url, l.check))));
    probes.push(await probe(ctx, `${base}/newsroom/artikel`));
    await ctx.close();

    // The editor's JSON lookups hold names and headlines as they were typed.
    const tags = await json(writer, 'GET', '/newsroom/artikel/saran/tag?q=img');
    const people = await json(writer, 'GET', '/newsroom/artikel/saran/orang?q=script');
    expect(tags.statusCode).toBe(200);
    expect(people.statusCode).toBe(200);
    for (const name of [...(tags.json() as string[]), ...(people.json() as string[])]) {
      expect(sentPlain.has(canon(name)), name).toBe(true);
    }
    assertClean(probes);
  }, 240_000);

  it('submitted, on the desk, approved and published through the workflow routes', async () => {
    for (const a of articles) {
      const r = await json(writer, 'POST', `/newsroom/artikel/${a.id}/tindakan`, {
        action: 'submit',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const ctx = await probeContext(browser, base, cookiesOf(editor));
    const desk = await probe(ctx, `${base}/newsroom/meja`);
    probes.push(desk);
    await ctx.close();
    for (const a of articles) {
      for (const action of ['approve', 'publish']) {
        const r = await json(editor, 'POST', `/newsroom/artikel/${a.id}/tindakan`, { action });
        expect(r.statusCode, r.body).toBe(200);
      }
      const row = await app.db.kysely
        .selectFrom('articles')
        .select(['slug', 'status'])
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('published');
      a.url = `/${a.sectionSlug}/${a.id}/${row.slug}`;
    }
    assertClean([desk]);
  }, 60_000);

  it('a stranger comments every vector through the form; the queue and the pages show them as text', async () => {
    const names = all.filter(
      (v) =>
        v.trim() &&
        [...v.trim()].length <= COMMENT_LIMITS.name &&
        !/[\r\n]/.test(v) &&
        !hasUnsafeChars(v),
    );
    const sites = all.filter(
      (v) => isHttpUrl(v.trim()) && v.trim().length <= COMMENT_LIMITS.website,
    );
    const emails = all
      .map((v) => `${v.trim()}@xss.test`)
      .filter((e) => EMAIL.test(e) && e.length <= COMMENT_LIMITS.email);
    const bodyOk = all.filter((v) => v.trim() && !hasUnsafeChars(v));
    const refused = all.filter((v) => v.trim() && hasUnsafeChars(v));
    // The queue lists 50 per page: at most 50 per article, so one page per article shows them all.
    const count = Math.min(Math.max(names.length, 40), 50 * K);
    const cursor = { i: 0 };
    const per = Math.ceil((2 * bodyOk.join('\n\n').length) / count);
    for (let i = 0; i < count; i++) {
      const a = articles[i % articles.length] as Written;
      const body = `${pack(bodyOk, cursor, 4000, { sep: i % 2 ? '\n\n' : '\n', min: per })}\n#${i}`;
      const fields = {
        _token: tokenFor(app, a.id),
        altcha: await solvedPayload(app, a.id),
        name: names[i % names.length] ?? 'Pembaca',
        email: emails[i] ?? `p${i}@contoh.id`,
        website: sites.length && i % 2 === 0 ? (sites[(i / 2) % sites.length] as string) : '',
        body,
        telepon: '',
      };
      const res = await postJson(`${a.url}/komentar`, fields, i);
      expect(res.statusCode, res.body).toBe(201);
      const out = res.json() as { id: number; status: string };
      expect(out.status).toBe('pending');
      commentsSent.set(out.id, { name: fields.name, body, website: fields.website });
      note('comment.name', fields.name);
      note('comment.body', body);
      note('comment.email', fields.email);
      note('comment.website', fields.website);
    }
    // What the form must refuse (script URLs as the website, control characters) is refused, as JSON.
    const a0 = articles[0] as Written;
    const badSites = all.filter((v) => /^\s*(javascript|data|vbscript):/i.test(v)).slice(0, 12);
    for (const [i, bad] of [
      ...badSites.map((w) => ['website', w]),
      ...refused.map((b) => ['body', b]),
    ].entries()) {
      const res = await postJson(
        `${a0.url}/komentar`,
        {
          _token: tokenFor(app, a0.id),
          altcha: await solvedPayload(app, a0.id),
          name: 'Pembaca',
          email: `tolak${i}@contoh.id`,
          website: '',
          body: 'Komentar biasa.',
          telepon: '',
          [bad[0] as string]: bad[1],
        },
        1000 + i,
      );
      expect(res.statusCode, `${bad[1]}`).toBe(400);
      expect(Object.keys((res.json() as { fields: object }).fields)).toEqual([bad[0]]);
    }

    // The moderation queue, as JSON and as the page a redaktur sees.
    const ctx = await probeContext(browser, base, cookiesOf(editor));
    const ids: number[] = [];
    for (const a of articles) {
      const q = await json(editor, 'GET', `/newsroom/komentar?tampilan=pending&artikel=${a.id}`);
      expect(q.statusCode).toBe(200);
      for (const item of (
        q.json() as { items: { id: number; authorName: string; body: string; website: string }[] }
      ).items) {
        const sent = commentsSent.get(item.id);
        if (!sent) continue;
        ids.push(item.id);
        expect(canon(item.authorName)).toBe(canon(sent.name));
        expect(canon(item.body)).toBe(canon(sent.body));
        expect(item.website).toBe(sent.website.trim());
      }
      probes.push(await probe(ctx, `${base}/newsroom/komentar?tampilan=pending&artikel=${a.id}`));
    }
    expect(new Set(ids)).toEqual(new Set(commentsSent.keys()));
    const approved = await json(editor, 'POST', '/newsroom/komentar/aksi', {
      action: 'approve',
      ids: ids.map(String),
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as { changed: number }).changed).toBe(ids.length);
    probes.push(await probe(ctx, `${base}/newsroom/komentar?tampilan=approved`));
    await ctx.close();
    assertClean(probes);
  }, 240_000);

  async function postJson(url: string, fields: Record<string, string | undefined>, n: number) {
    return app.server.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-forwarded-for': `10.9.${(n >> 8) & 255}.${n & 255}`,
      },
      payload: JSON.stringify(fields),
    });
  }

  it('every public page that shows them runs no script in Chromium', async () => {
    const ctx = await probeContext(browser, base);
    const articleCheck = (a: Written) => async (p: Page) => {
      // JSON-LD as the browser reads it: whole, and the plain fields intact.
      const blocks = await p.locator('script[type="application/ld+json"]').allTextContents();
      expect(blocks.length).toBeGreaterThan(0);
      const ld = blocks.flatMap((b) => JSON.parse(b)) as Record<string, unknown>[];
      const news = ld.find((x) => x['@type'] === 'NewsArticle') as Record<string, unknown>;
      expect(canon(String(news.headline))).toBe(canon(a.fields.headline ?? ''));
      expect(canon(String(news.description))).toBe(
        canon(a.fields.seoDescription || a.fields.deck || ''),
      );
      for (const k of news.keywords as string[]) expect(sentPlain.has(canon(k)), k).toBe(true);
      for (const person of news.author as { name: string }[])
        expect(sentPlain.has(canon(person.name)), person.name).toBe(true);
      // Open Graph and the other meta tags: the attribute holds the text.
      const metas = await p.evaluate(() =>
        Array.from(document.querySelectorAll('meta[content]')).map(
          (m) => m.getAttribute('content') ?? '',
        ),
      );
      for (const c of metas.filter((m) => m.includes('<')))
        expect(sentPlain.has(canon(c)), c).toBe(true);
      // The approved comments are on their article's page.
      expect(await p.locator('li.comment').count()).toBeGreaterThan(0);
    };
    const tagRows = await app.db.kysely.selectFrom('tags').select('slug').orderBy('id').execute();
    const people = await app.db.kysely.selectFrom('people').select('slug').orderBy('id').execute();
    const every = (n: number) => (_: unknown, i: number, list: unknown[]) =>
      i % Math.ceil(list.length / n) === 0;
    const loads = [
      ...articles.map((a) => ({ url: a.url, check: articleCheck(a) })),
      ...[
        '/',
        ...sections.map((s) => `/${s.slug}`),
        '/cari?q=alert',
        '/cari?q=img+onerror',
        ...all.filter(every(4)).map((v) => `/cari?q=${encodeURIComponent(v)}`),
        ...tagRows.filter(every(6)).map((t) => `/tag/${t.slug}`),
        ...people.filter(every(4)).map((t) => `/penulis/${t.slug}`),
      ].map((url) => ({ url, check: undefined })),
    ];
    const page = await inPool(loads, TABS, (l) => probe(ctx, `${base}${l.url}`, l.check));

    // A refused comment comes back in the form as the reader typed it (reflected).
    const a0 = articles[0] as Written;
    const form = await ctx.newPage();
    await form.goto(`${base}${a0.url}`, { waitUntil: 'load' });
    const reflected = {
      _token: tokenFor(app, a0.id),
      altcha: await solvedPayload(app, a0.id),
      name: all.find((v) => v.length > COMMENT_LIMITS.name && !/[\r\n]/.test(v)) ?? '',
      email: '"><svg onload=alert(1)>@x.test',
      website: 'javascript:alert(1)',
      body: all.slice(0, 25).join('\n'),
    };
    await Promise.all([
      form.waitForNavigation(),
      form.evaluate((fields) => {
        const f = document.createElement('form');
        f.method = 'post';
        f.action = `${location.pathname}/komentar`;
        for (const [k, v] of Object.entries(fields)) {
          const t = document.createElement('textarea');
          t.name = k;
          t.value = v;
          f.append(t);
        }
        document.body.append(f);
        f.submit();
      }, reflected),
    ]);
    const back = await inspect(form, `${a0.url}/komentar (refused form)`);
    expect(canon(await form.inputValue('#comment-body'))).toBe(canon(reflected.body));
    page.push(back);
    await form.close();
    probes.push(...page);
    await ctx.close();

    // The search box's JSON suggestions hold headlines as text.
    const sug = await app.server.inject({ method: 'GET', url: '/cari/saran?q=img' });
    expect(sug.statusCode).toBe(200);
    for (const item of (sug.json() as { items: { headline: string }[] }).items)
      expect(sentPlain.has(canon(item.headline)), item.headline).toBe(true);
    assertClean(page);
  }, 240_000);

  it('every feed and sitemap is strict XML and holds the plain fields as text', async () => {
    const index = await get('/sitemap.xml');
    const months = [...index.matchAll(/<loc>[^<]*\/(sitemap-[^<]+)<\/loc>/g)].map(
      (m) => `/${m[1]}`,
    );
    const docs: Record<string, string> = {
      '/feed': await get('/feed'),
      '/sitemap.xml': index,
      '/sitemap-news.xml': await get('/sitemap-news.xml'),
    };
    for (const s of sections) docs[`/${s.slug}/feed`] = await get(`/${s.slug}/feed`);
    for (const m of months) docs[m] = await get(m);
    const problems: string[] = [];
    for (const [url, xml] of Object.entries(docs)) {
      const valid = XMLValidator.validate(xml);
      if (valid !== true)
        problems.push(`${url}: not well-formed XML: ${JSON.stringify(valid.err)}`);
      const chars = xmlCharProblem(xml);
      if (chars) problems.push(`${url}: not XML 1.0: ${chars}`);
    }
    const parser = new XMLParser({
      ignoreAttributes: false,
      cdataPropName: false,
      processEntities: true,
      htmlEntities: false,
      parseTagValue: false,
      trimValues: false,
    });
    const byUrl = new Map(articles.map((a) => [a.id, a]));
    const htmlChecks: { where: string; html: string; expected: string }[] = [];
    for (const url of ['/feed', ...sections.map((s) => `/${s.slug}/feed`)]) {
      if (XMLValidator.validate(docs[url] ?? '') !== true || xmlCharProblem(docs[url] ?? ''))
        continue;
      const rss = parser.parse(docs[url] ?? '') as { rss: { channel: { item?: unknown } } };
      const items = [rss.rss.channel.item ?? []].flat() as Record<string, unknown>[];
      expect(items.length, url).toBeGreaterThan(0);
      for (const item of items) {
        const id = Number(/\/(\d+)\//.exec(String(item.link))?.[1]);
        const a = byUrl.get(id);
        if (!a) continue;
        // Readers render title and description as HTML: parsed so, they must be the plain text.
        htmlChecks.push({
          where: `${url} #${id} title`,
          html: text(item.title),
          expected: a.fields.headline ?? '',
        });
        htmlChecks.push({
          where: `${url} #${id} description`,
          html: text(item.description),
          expected: a.fields.deck ?? '',
        });
        for (const c of [item['dc:creator'] ?? []].flat())
          if (!a.bylines.some((b) => canon(b) === canon(text(c))))
            problems.push(`${url} #${id} author changed: ${text(c)}`);
      }
    }
    const news = parser.parse(docs['/sitemap-news.xml'] ?? '') as { urlset: { url?: unknown } };
    for (const u of [news.urlset?.url ?? []].flat() as Record<string, Record<string, unknown>>[]) {
      const id = Number(/\/(\d+)\//.exec(String(u.loc))?.[1]);
      const title = text(u['news:news']?.['news:title']);
      const a = byUrl.get(id);
      if (a && canon(title) !== canon(a.fields.headline ?? ''))
        problems.push(`sitemap-news #${id} title changed: ${title}`);
    }
    const ctx = await browser.newContext();
    const blank = await ctx.newPage();
    const parsed = await parseHtmlTexts(
      blank,
      htmlChecks.map((c) => c.html),
    );
    await ctx.close();
    parsed.forEach((p, i) => {
      const c = htmlChecks[i] as (typeof htmlChecks)[number];
      if (p.elements.length)
        problems.push(
          `${c.where}: markup <${p.elements.join('><')}> from ${JSON.stringify(c.expected.slice(0, 80))}`,
        );
      else if (canon(p.text) !== canon(c.expected))
        problems.push(`${c.where}: text changed: ${JSON.stringify(p.text.slice(0, 80))}`);
    });
    console.log(
      `feeds: ${Object.keys(docs).length} documents, ${htmlChecks.length} title/description texts checked, ${problems.length} problems`,
    );
    expect(problems).toEqual([]);
  }, 60_000);

  async function get(url: string): Promise<string> {
    const res = await app.server.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  }
});

/** Every string inside a value (block texts, hrefs, captions…). */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

function text(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'object') return String((v as Record<string, unknown>)['#text'] ?? '');
  return String(v);
}

/** The editor document without image preview URLs (which depend on the request). */
function stripSrc(node: PMNode): PMNode {
  const { attrs, content, ...rest } = node;
  const out: PMNode = { ...rest };
  if (attrs) {
    const { src: _src, ...keep } = attrs;
    out.attrs = keep;
  }
  if (content) out.content = content.map(stripSrc);
  return out;
}

/** No execution, no dialog, no CSP report, no injected markup, no page error on any page. */
function assertClean(list: Probe[]) {
  const bad = list
    .filter(
      (p) =>
        p.hits.length || p.dialogs.length || p.csp.length || p.injected.length || p.errors.length,
    )
    .map((p) => ({
      url: p.url,
      hits: p.hits,
      dialogs: p.dialogs,
      csp: p.csp,
      injected: p.injected.slice(0, 5),
      errors: p.errors,
    }));
  expect(bad).toEqual([]);
}
