import type { Generated } from 'kysely';

/**
 * Table type of the media library: one row per uploaded or imported image,
 * with its stored variants, crops, caption, credit and focal point (migrations
 * 001, 006 and 015).
 */

export interface MediaTable {
  id: Generated<number>;
  /** Folder name under the media root: variants live at `<key>/<width>.<ext>`. */
  storage_key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** JSON: widths available for each format, e.g. {"webp":[320,640],"jpeg":[320,640]} */
  variants: string;
  caption: string;
  credit: string;
  alt: string;
  focal_x: number;
  focal_y: number;
  created_at: number;
  /** JSON Crops (media/crops.ts): crop widths per ratio and a version; '{}' for none (006-media). */
  crops: Generated<string>;
  /** The staff member who uploaded it; null for demo/imported images. */
  uploaded_by: number | null;
  /** The file name it was uploaded with, for the library only (never used as a path). */
  original_name: Generated<string>;
  /** Last edit of caption, credit, alt or focal point. */
  updated_at: number | null;
  /** When an article using it was first published; null while no reader has seen it (015). */
  published_at: number | null;
}
