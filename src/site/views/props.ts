import type {
  Article,
  ArticleSummary,
  CommentView,
  Page,
  Person,
  Section,
  TagRef,
} from '../../content/model.ts';
import type { Lang } from '../../lib/errors.ts';
import type { ZoneLabel } from '../../lib/time.ts';
import type { InlineRelated } from '../baca-juga.ts';
import type { Messages } from '../i18n/index.ts';

/**
 * The contract between routes and views: routes load data and hand one of these
 * to a page function; views never touch the database.
 */

/** Everything the layout needs on every page. */
export interface SiteContext {
  siteName: string;
  /** Absolute base URL without trailing slash, for canonical links and share links. */
  siteUrl: string;
  lang: Lang;
  zone: ZoneLabel;
  m: Messages;
  /** Render time (epoch ms), for relative dates and the footer year. */
  now: number;
  /** Top-level sections with their children, in menu order. */
  nav: Section[];
  /** Public URLs of the hashed static assets. */
  assets: { css: string; js: string };
}

/** Meta for the document head. */
export interface PageMeta {
  title: string;
  description?: string;
  /** Path of the canonical URL (made absolute with siteUrl). */
  canonicalPath: string;
  /** Open Graph image path, absolute or site-relative. */
  image?: string;
  type?: 'website' | 'article';
  noindex?: boolean;
  /** JSON-LD object(s) to embed (serialised safely by the layout). */
  jsonLd?: object[];
}

export interface HomePageProps {
  lead: ArticleSummary | null;
  /** Next top stories beside the lead. */
  top: ArticleSummary[];
  latest: ArticleSummary[];
  /** One block per top-level section that has stories. */
  sectionBlocks: { section: Section; articles: ArticleSummary[] }[];
}

export type ListKind = 'section' | 'tag' | 'author' | 'archive';

export interface ListPageProps {
  kind: ListKind;
  /** The heading: section name, tag name, person name, or archive date text. */
  title: string;
  description?: string;
  section?: Section;
  tag?: TagRef;
  person?: Person;
  page: Page<ArticleSummary>;
  /** Base path; the pager appends ?page=N. */
  basePath: string;
}

export interface ArticlePageProps {
  article: Article;
  /** Candidates for the inline "Baca juga" links, best first (placement is the view's job, via placeInlineRelated). */
  inlineRelated: InlineRelated[];
  /** "Berita terkait" / more from the section, shown after the article. */
  moreFromSection: ArticleSummary[];
  latest: ArticleSummary[];
  comments: CommentView[];
}

export interface SearchPageProps {
  query: string;
  page: Page<ArticleSummary> | null;
}

export interface ErrorPageProps {
  status: number;
  message: string;
  latest: ArticleSummary[];
}
