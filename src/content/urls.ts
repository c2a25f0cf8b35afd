/**
 * Canonical public URLs. An article's URL carries its id, so a changed slug or
 * section still finds it and the old address answers 301 to the new one.
 */
export const articleUrl = (sectionSlug: string, id: number, slug: string): string =>
  `/${sectionSlug}/${id}/${slug}`;
export const sectionUrl = (slug: string): string => `/${slug}`;
export const tagUrl = (slug: string): string => `/tag/${slug}`;
export const authorUrl = (slug: string): string => `/penulis/${slug}`;
export const archiveUrl = (year: number, month?: number, day?: number): string =>
  ['/arsip', year, month && String(month).padStart(2, '0'), day && String(day).padStart(2, '0')]
    .filter(Boolean)
    .join('/');
export const searchUrl = (q?: string): string => (q ? `/cari?q=${encodeURIComponent(q)}` : '/cari');
