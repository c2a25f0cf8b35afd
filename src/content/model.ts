import type { Crops } from '../media/crops.ts';
import type { Block } from './blocks.ts';

/**
 * What the content capability hands to pages, feeds and the API: plain,
 * already-joined objects with canonical URLs. One read path for every output.
 */

export interface SectionRef {
  id: number;
  slug: string;
  name: string;
  url: string;
}

export interface Section extends SectionRef {
  description: string;
  position: number;
  parent: SectionRef | null;
  children: SectionRef[];
  /** Left out of the menus by an admin; its page and articles still answer. */
  hidden: boolean;
}

export interface TagRef {
  id: number;
  slug: string;
  name: string;
  url: string;
}

export interface PersonRef {
  id: number;
  slug: string;
  name: string;
  initials: string;
  url: string;
}

export interface Person extends PersonRef {
  title: string;
  bio: string;
}

/** Image variants on disk; see media/variants.ts. */
export interface ImageRef {
  mediaId: number;
  storageKey: string;
  width: number;
  height: number;
  variants: { webp: number[]; jpeg: number[] };
  alt: string;
  caption: string;
  credit: string;
  /** An archive photo ("Arsip"): shown with that label before the caption. */
  archive: boolean;
  /** The 16:9, 4:3 and 1:1 crops around the focal point, when made (media/crops.ts). */
  crops?: Crops;
}

export interface ArticleSummary {
  id: number;
  slug: string;
  url: string;
  headline: string;
  deck: string;
  section: SectionRef;
  image: ImageRef | null;
  bylines: PersonRef[];
  publishedAt: number;
  updatedAt: number;
}

export interface Article extends ArticleSummary {
  body: Block[];
  /** Images used inside the body, by media id. */
  bodyImages: Record<number, ImageRef>;
  dateline: string;
  sourceCredit: string;
  bylineInitials: string;
  tags: TagRef[];
  firstPublishedAt: number;
  commentsOpen: boolean;
  seoTitle: string;
  seoDescription: string;
  /** Editors' "Baca juga" pins, in order (published ones only). */
  pinnedIds: number[];
}

export interface CommentView {
  id: number;
  parentId: number | null;
  authorName: string;
  body: string;
  createdAt: number;
  /** The anchor the comment had on an imported site ("comment-123"), kept so old links land on it. */
  legacyAnchor?: string;
  /** Written by a staff account (an imported author's comment): shown with the "Redaksi" badge. */
  staff?: boolean;
}

/** A page of a list, for pagers. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}
