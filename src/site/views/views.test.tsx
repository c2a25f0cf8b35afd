import { describe, expect, it } from 'vitest';
import type { Article, CommentView, ImageRef, Section } from '../../content/model.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { SiteIdentity } from '../../newsroom/site-admin/live-settings.ts';
import type { InlineRelated } from '../baca-juga.ts';
import { en } from '../i18n/en.ts';
import { id } from '../i18n/id.ts';
import { messages } from '../messages.ts';
import { renderDocument } from '../render.tsx';
import { ArticlePage } from './article.tsx';
import { Layout } from './layout.tsx';
import type { ArticlePageProps, SiteContext } from './props.ts';

const NOW = Date.UTC(2022, 9, 19, 6, 5);

function buildImage(overrides: Partial<ImageRef> = {}): ImageRef {
  return {
    mediaId: 1,
    storageKey: 'foto-utama',
    width: 1600,
    height: 1000,
    variants: { webp: [320, 640, 1280], jpeg: [320, 640, 1280] },
    alt: 'Nelayan menarik perahu ke pantai',
    caption: 'Nelayan menarik perahu di Pantai Sanur, Selasa (18/10/2022).',
    credit: 'Warta/Ayu',
    archive: false,
    ...overrides,
  };
}

function buildArticle(overrides: Partial<Article> = {}): Article {
  const section = { id: 3, slug: 'bali', name: 'Bali', url: '/bali' };
  return {
    id: 42,
    slug: 'perahu-nelayan',
    url: '/bali/42/perahu-nelayan',
    headline: 'Nelayan Sanur Kembali Melaut',
    deck: 'Cuaca membaik setelah sepekan gelombang tinggi.',
    section,
    image: buildImage(),
    bylines: [{ id: 1, slug: 'ayu', name: 'Ayu Lestari', initials: 'Ayu', url: '/penulis/ayu' }],
    publishedAt: NOW - 3_600_000,
    updatedAt: NOW - 3_600_000,
    body: Array.from({ length: 9 }, (_, i) => ({
      type: 'paragraph' as const,
      content: [{ text: `Paragraf nomor ${i + 1} tentang laut.` }],
    })),
    bodyImages: {},
    dateline: 'Denpasar',
    sourceCredit: 'Antara',
    bylineInitials: 'Ayu/Warta',
    tags: [{ id: 5, slug: 'nelayan', name: 'Nelayan', url: '/tag/nelayan' }],
    firstPublishedAt: NOW - 3_600_000,
    commentsOpen: true,
    seoTitle: '',
    seoDescription: '',
    pinnedIds: [],
    ...overrides,
  };
}

function buildContext(lang: Lang = 'id'): SiteContext {
  return {
    siteName: 'Warta',
    iconVersion: 'test',
    siteUrl: 'https://warta.example',
    lang,
    zone: 'WITA',
    m: messages(lang),
    now: NOW,
    nav: [],
    assets: { css: '/static/warta.css', js: '/static/warta.js' },
  };
}

const related: InlineRelated[] = [1, 2, 3, 4, 5].map((n) => ({
  id: 100 + n,
  headline: `Berita terkait ${n}`,
  url: `/bali/${100 + n}/terkait-${n}`,
}));

function render(article: Article, extra: Partial<ArticlePageProps> = {}, lang: Lang = 'id') {
  return renderDocument(
    ArticlePage(buildContext(lang), {
      article,
      inlineRelated: related,
      moreFromSection: [],
      latest: [],
      comments: [],
      ...extra,
    }),
  );
}

/** Every key path of a catalog, e.g. `share.copy`. */
function keyPaths(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keyPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('ArticlePage', () => {
  it('starts the first paragraph with the dateline', () => {
    const html = render(buildArticle());
    const dateline = html.indexOf('<strong class="dateline">DENPASAR, WARTA –</strong>');
    expect(dateline).toBeGreaterThan(0);
    expect(dateline).toBeLessThan(html.indexOf('Paragraf nomor 1'));
    expect(html.match(/class="dateline"/g)).toHaveLength(1);
  });

  it('labels archive photos before the caption and keeps the credit separate', () => {
    const html = render(buildArticle({ image: buildImage({ archive: true }) }));
    const label = html.indexOf('Arsip - ');
    expect(label).toBeGreaterThan(0);
    expect(label).toBeLessThan(html.indexOf('Nelayan menarik perahu di Pantai Sanur'));
    expect(html).toContain('<span class="credit">Foto: Warta/Ayu</span>');
    expect(html).toMatch(/<img[^>]+loading="eager"[^>]+fetchpriority="high"/);
    expect(html).toMatch(/<img[^>]+width="640" height="400"/);
    expect(render(buildArticle())).not.toContain('Arsip - ');
  });

  it('places at most three "Baca juga" asides between paragraphs', () => {
    const html = render(buildArticle());
    const asides = html.match(/<aside class="baca-juga">/g) ?? [];
    expect(asides.length).toBeGreaterThan(0);
    expect(asides.length).toBeLessThanOrEqual(3);
    expect(html).toContain('<strong>Baca juga:</strong> <a href="/bali/101/terkait-1">');
  });

  it('shows source, initials, share links and the comment form', () => {
    const html = render(buildArticle());
    expect(html).toContain('Sumber: Antara');
    expect(html).toContain('(Ayu/Warta)');
    expect(html).toContain(
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwarta.example%2Fbali%2F42%2Fperahu-nelayan',
    );
    expect(html).toContain('action="/bali/42/perahu-nelayan/komentar"');
    const closed = render(buildArticle({ commentsOpen: false }));
    expect(closed).toContain('Komentar ditutup untuk artikel ini.');
    expect(closed).not.toContain('<form method="post"');
  });

  it('renders hostile text and links inert', () => {
    const evil = '"><img src=x onerror=alert(1)><script>alert(1)</script>';
    const html = render(
      buildArticle({
        headline: evil,
        image: buildImage({ caption: evil, alt: evil }),
        body: [
          {
            type: 'paragraph',
            content: [
              { text: evil },
              { text: 'klik', marks: ['link'], href: 'javascript:alert(1)' },
              { text: 'tab', marks: ['link'], href: 'java\tscript:alert(1)' },
              { text: 'aman', marks: ['link'], href: 'https://example.org/a?b=1' },
            ],
          },
        ],
      }),
    );
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/href="\s*java/i);
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('<a href="https://example.org/a?b=1" rel="noopener">aman</a>');
    expect(html).toContain('klik');
  });

  it('escapes </script> inside JSON-LD', () => {
    const html = render(buildArticle({ headline: 'Akhir </script><script>alert(1)</script>' }));
    const ld = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
    expect(ld).not.toBeNull();
    const json = ld?.[1] ?? '';
    expect(json).not.toContain('<');
    expect(json).toContain('\\u003c/script>');
    expect(JSON.parse(json)[0].headline).toBe('Akhir </script><script>alert(1)</script>');
  });

  it('uses English labels with the English catalog', () => {
    const html = render(buildArticle({ image: buildImage({ archive: true }) }), {}, 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Read also:');
    expect(html).toContain('Source: Antara');
    expect(html).toContain('Leave a Reply');
    expect(html).toContain('Photo: Warta/Ayu');
    expect(html).not.toContain('Baca juga');
    expect(html).not.toContain('Tinggalkan Balasan');
  });
});

describe('a story rendered once and reused', () => {
  const approved = (n: number): CommentView[] =>
    Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      parentId: null,
      authorName: `Pembaca ${i + 1}`,
      body: 'Setuju.',
      createdAt: NOW,
    }));

  it('draws the same article object the same way for every reader, and anew for what changes around it', () => {
    const article = buildArticle();
    const first = render(article);
    expect(render(article)).toBe(first);
    // A new approved comment changes the count in the byline row of the same story object.
    expect(first).not.toContain('href="#komentar">2 komentar');
    expect(render(article, { comments: approved(2) })).toContain('href="#komentar">2 komentar');
    // Another language or other "Baca juga" links draw it again.
    expect(render(article, {}, 'en')).toContain('Read also:');
    const other = render(article, {
      inlineRelated: [{ id: 900, headline: 'Kabar lain sama sekali', url: '/bali/900/lain' }],
    });
    expect(other).toContain('<a href="/bali/900/lain">Kabar lain sama sekali</a>');
    expect(other).not.toContain('terkait-1');
  });

  it('shows an edit at once: the read cache hands out a new object for a changed story', () => {
    const article = buildArticle();
    expect(render(article)).toContain('<h1 class="headline">Nelayan Sanur Kembali Melaut</h1>');
    const edited = render({ ...article, headline: 'Judul yang sudah diperbaiki', tags: [] });
    expect(edited).toContain('<h1 class="headline">Judul yang sudah diperbaiki</h1>');
    expect(edited).toContain('text=Judul%20yang%20sudah%20diperbaiki');
    expect(edited).not.toContain('class="tags"');
  });

  it('follows a change of the menu in the breadcrumb', () => {
    const article = buildArticle();
    const nav = (name: string): Section[] => [
      {
        id: 1,
        name,
        slug: 'nusantara',
        url: '/nusantara',
        description: '',
        position: 1,
        parent: null,
        children: [article.section],
        hidden: false,
      },
    ];
    const breadcrumb = (n: Section[]) =>
      renderDocument(
        ArticlePage(
          { ...buildContext(), nav: n },
          { article, inlineRelated: related, moreFromSection: [], latest: [], comments: [] },
        ),
      ).match(/<nav class="breadcrumb"[\s\S]*?<\/nav>/)?.[0];
    expect(breadcrumb(nav('Nusantara'))).toContain('<a href="/nusantara">Nusantara</a>');
    expect(breadcrumb(nav('Daerah'))).toContain('<a href="/nusantara">Daerah</a>');
    expect(breadcrumb([])).not.toContain('/nusantara');
  });
});

describe('masthead and footer', () => {
  const section = (id: number, name: string): Section => ({
    id,
    slug: name.toLowerCase(),
    name,
    url: `/${name.toLowerCase()}`,
    description: '',
    position: id,
    parent: null,
    children: [],
    hidden: false,
  });
  const identity = (tagline: string): SiteIdentity => ({
    tagline,
    logo: null,
    icon: null,
    iconMediaId: null,
    social: [],
    legalPages: [],
  });
  const page = (ctx: SiteContext) =>
    renderDocument(<Layout ctx={ctx} meta={{ title: 'T', canonicalPath: '/' }} />);

  it('are drawn again when the menu, the identity, the day or the language change', () => {
    const menu = [section(1, 'Bali'), section(2, 'Nasional')];
    const who = identity('Kabar dari pulau');
    const ctx: SiteContext = { ...buildContext(), nav: menu, identity: who };
    const first = page(ctx);
    expect(first).toContain('>Nasional</a>');
    expect(first).toContain('Kabar dari pulau');
    expect(first).toContain('Rabu, 19 Oktober 2022');
    // The same objects on the same day: the same masthead and footer.
    expect(page({ ...ctx })).toBe(first);

    const renamed = [section(1, 'Bali'), section(2, 'Jagat')];
    const afterMenu = page({ ...ctx, nav: renamed });
    expect(afterMenu).toContain('>Jagat</a>');
    expect(afterMenu).not.toContain('Nasional');

    expect(page({ ...ctx, identity: identity('Suara Timur') })).toContain('Suara Timur');

    const newYear = page({ ...ctx, now: Date.UTC(2023, 0, 1, 1) });
    expect(newYear).toContain('Minggu, 1 Januari 2023');
    expect(newYear).toMatch(/© 2023/);
    expect(newYear).not.toContain('2022');

    const english = page({ ...buildContext('en'), nav: menu, identity: who });
    expect(english).toContain('Wednesday, 19 October 2022');
    expect(page(ctx)).toBe(first);
  });
});

describe('article JSON-LD', () => {
  const jsonLdOf = (html: string) =>
    JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1] ?? 'null');
  const page = (article: Article, ctx: SiteContext) =>
    renderDocument(
      ArticlePage(ctx, {
        article,
        inlineRelated: [],
        moreFromSection: [],
        latest: [],
        comments: [],
      }),
    );

  it('is made again when the story, the site name or the zone change, and kept otherwise', () => {
    const article = buildArticle();
    const ctx = buildContext();
    const [first] = jsonLdOf(page(article, ctx));
    expect(first.headline).toBe('Nelayan Sanur Kembali Melaut');
    expect(first.datePublished).toBe('2022-10-19T13:05:00+08:00');
    expect(jsonLdOf(page(article, ctx))[0]).toEqual(first);

    const [wib] = jsonLdOf(page(article, { ...ctx, zone: 'WIB' }));
    expect(wib.datePublished).toBe('2022-10-19T12:05:00+07:00');
    const [renamed] = jsonLdOf(page(article, { ...ctx, siteName: 'Kabar Pulau' }));
    expect(renamed.publisher.name).toBe('Kabar Pulau');
    // An edit reaches the page as a new article object.
    const [edited] = jsonLdOf(page({ ...article, headline: 'Nelayan Kembali Melaut' }, ctx));
    expect(edited.headline).toBe('Nelayan Kembali Melaut');
  });
});

describe('catalogs', () => {
  it('have the same keys in Indonesian and English, none empty', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(id).sort());
    for (const catalog of [id, en]) {
      for (const path of keyPaths(catalog)) {
        const value = path
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalog);
        const text = typeof value === 'function' ? value(1, 2) : value;
        expect(typeof text, path).toBe('string');
        expect((text as string).trim(), path).not.toBe('');
      }
    }
  });
});
