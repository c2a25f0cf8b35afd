import type {
  Article,
  ArticleSummary,
  CommentView,
  Page,
  Person,
  Section,
  TagRef,
} from '../../content/model.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { ZoneLabel } from '../../lib/time.ts';
import type { SiteIdentity } from '../../newsroom/site-admin/live-settings.ts';
import type { InlineRelated } from '../baca-juga.ts';
import type { Messages } from '../messages.ts';
import type { CommentBoxProps } from './comments.tsx';

/**
 * The contract between routes and views: routes load data and hand one of these
 * to a page function; views never touch the database.
 */

/** Everything the layout needs on every page. */
export interface SiteContext {
  siteName: string;
  /** The served icons' version, for the head's icon links. */
  iconVersion: string;
  /** Tagline, logo, social accounts and legal pages set by admins (newsroom/site-admin). */
  identity?: SiteIdentity;
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
  /** A list page's own feeds (`<path>/feed`, `/feed/atom`, `/feed/json`), announced beside the site's. */
  feed?: { path: string; title: string };
}

export interface HomePageProps {
  lead: ArticleSummary | null;
  /** Next top stories beside the lead. */
  top: ArticleSummary[];
  latest: ArticleSummary[];
  /** One block per top-level section that has stories. */
  sectionBlocks: { section: Section; articles: ArticleSummary[] }[];
  /** "Terpopuler": most read of the last 24 hours and 7 days (empty lists are hidden). */
  mostRead?: MostRead;
}

/** The two most-read lists shown on the home page and beside articles. */
export interface MostRead {
  day: ArticleSummary[];
  week: ArticleSummary[];
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
  /** The visible articles the editor's placed "Baca juga" blocks point to (site/baca-juga.ts). */
  placedRelated?: InlineRelated[];
  /** "Berita terkait" / more from the section, shown after the article. */
  moreFromSection: ArticleSummary[];
  latest: ArticleSummary[];
  comments: CommentView[];
  mostRead?: MostRead;
  /** The comment form's per-request state (token, own pending comments); see comments/comment-box.ts. */
  commentBox?: CommentBoxProps;
}

/** A search result: the article summary plus its excerpt, matched words marked. */
export type SearchResultItem = ArticleSummary & { snippet: { text: string; mark: boolean }[] };

export interface SearchPageProps {
  query: string;
  /** Null before a query is typed. */
  page: Page<SearchResultItem> | null;
  /** Why there are no results: no query, or only stop words. */
  state?: 'empty' | 'stopwords' | 'ok';
  /** Typo-corrected query whose results were added, if any. */
  corrected?: string | null;
  /** Current filters as typed in the URL (for the form and the pager links). */
  filters?: { section: string; from: string; to: string };
  /** Sections for the filter menu: value is the slug, children indented. */
  sections?: { slug: string; name: string; depth: number }[];
  /** A date filter was malformed and ignored. */
  badDate?: boolean;
  /** URL of the suggestions script (loaded on this page only). */
  suggestScript?: string;
  /** URL of the search page's small stylesheet. */
  searchStyle?: string;
}

export interface ErrorPageProps {
  status: number;
  message: string;
  latest: ArticleSummary[];
}
