/**
 * The public site's page views. Each page is a pure function of
 * (SiteContext, props) returning a VNode; render it with renderDocument.
 */
export { ArticlePage, articlePageMeta } from './article.tsx';
export { ErrorPage } from './error.tsx';
export { HomePage, homePageMeta } from './home.tsx';
export { Layout } from './layout.tsx';
export { ListPage, listPageMeta } from './list.tsx';
export type * from './props.ts';
export { SearchPage } from './search.tsx';
