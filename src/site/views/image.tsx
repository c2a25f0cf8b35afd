import type { ImageRef } from '../../content/model.ts';
import { type VariantFormat, srcset as variantSrcset, variantUrl } from '../../media/variants.ts';
import type { SiteContext } from './props.ts';

/**
 * Responsive images from the variants media/variants.ts writes:
 * `/media/<storageKey>/<width>.webp` and `.jpg`. Width and height are always
 * set so the browser reserves the box before the bytes arrive.
 */

type Format = VariantFormat;
/** Width of the plain `src` fallback: big enough for a phone at 2x, small enough to be cheap. */
const FALLBACK_TARGET = 640;

/** Public URL of one variant file of this image. */
export function imageVariantUrl(img: ImageRef, width: number, format: Format): string {
  return variantUrl(img.storageKey, width, format);
}

function widthsOf(img: ImageRef, format: Format): number[] {
  return [...(img.variants[format] ?? [])].filter((w) => w > 0).sort((a, b) => a - b);
}

/** `srcset` value for one format, or '' when that format has no variants. */
export function srcsetOf(img: ImageRef, format: Format): string {
  return widthsOf(img, format)
    .map((w) => `${imageVariantUrl(img, w, format)} ${w}w`)
    .join(', ');
}

/** Height for `width` keeping the image's own aspect ratio. */
export function heightFor(img: ImageRef, width: number): number {
  if (img.width <= 0 || img.height <= 0) return Math.round((width * 10) / 16);
  return Math.max(1, Math.round((img.height * width) / img.width));
}

/** URL of the largest JPEG (or WebP) variant, for Open Graph and JSON-LD; null without variants. */
export function largestJpeg(img: ImageRef): string | null {
  const jpeg = widthsOf(img, 'jpeg');
  const webp = widthsOf(img, 'webp');
  const last = jpeg.at(-1);
  if (last !== undefined) return imageVariantUrl(img, last, 'jpeg');
  const lastWebp = webp.at(-1);
  return lastWebp !== undefined ? imageVariantUrl(img, lastWebp, 'webp') : null;
}

/** True when at least one variant file exists, i.e. the image can be shown. */
export function hasVariants(img: ImageRef): boolean {
  return widthsOf(img, 'jpeg').length > 0 || widthsOf(img, 'webp').length > 0;
}

interface PictureProps {
  img: ImageRef;
  sizes: string;
  /** Above-the-fold images load eagerly with high priority; everything else lazily. */
  eager?: boolean;
  alt?: string;
  class?: string;
}

/**
 * `<picture>` with AVIF (when stored) and WebP sources and a JPEG `<img>` fallback; null when
 * the image has no variants.
 */
export function Picture({ img, sizes, eager = false, alt, class: cls }: PictureProps) {
  const jpeg = widthsOf(img, 'jpeg');
  const webp = widthsOf(img, 'webp');
  const fallbackFormat: Format = jpeg.length > 0 ? 'jpeg' : 'webp';
  const widths = fallbackFormat === 'jpeg' ? jpeg : webp;
  if (widths.length === 0) return null;
  const fallback = widths.find((w) => w >= FALLBACK_TARGET) ?? (widths.at(-1) as number);
  const imgEl = (
    <img
      src={imageVariantUrl(img, fallback, fallbackFormat)}
      srcset={srcsetOf(img, fallbackFormat)}
      sizes={sizes}
      width={fallback}
      height={heightFor(img, fallback)}
      alt={alt ?? img.alt}
      loading={eager ? 'eager' : 'lazy'}
      fetchpriority={eager ? 'high' : undefined}
      decoding="async"
      class={cls}
    />
  );
  if (fallbackFormat === 'webp' || webp.length === 0) return imgEl;
  const avif = variantSrcset(img.storageKey, img.variants, 'avif');
  return (
    <picture>
      {avif && <source type="image/avif" srcset={avif} sizes={sizes} />}
      <source type="image/webp" srcset={srcsetOf(img, 'webp')} sizes={sizes} />
      {imgEl}
    </picture>
  );
}

interface CaptionProps {
  ctx: SiteContext;
  caption: string;
  credit: string;
  archive: boolean;
}

/** Photo caption: "Arsip - " before the caption for archive photos, then a separate credit. */
export function Caption({ ctx, caption, credit, archive }: CaptionProps) {
  if (!caption && !credit && !archive) return null;
  const m = ctx.m.article;
  return (
    <figcaption>
      {archive && <span class="archive-label">{m.archivePhoto} - </span>}
      {caption && <span class="caption">{caption}</span>}
      {credit && (
        <>
          {' '}
          <span class="credit">
            {m.photoCredit} {credit}
          </span>
        </>
      )}
    </figcaption>
  );
}

/** A `<figure>` with a responsive picture and its caption/credit. */
export function Figure(props: {
  ctx: SiteContext;
  img: ImageRef;
  sizes: string;
  eager?: boolean;
  caption?: string;
  credit?: string;
  alt?: string;
  class?: string;
}) {
  const { ctx, img } = props;
  if (!hasVariants(img)) return null;
  return (
    <figure class={props.class ?? 'figure'}>
      <Picture img={img} sizes={props.sizes} eager={props.eager} alt={props.alt ?? img.alt} />
      <Caption
        ctx={ctx}
        caption={props.caption ?? img.caption}
        credit={props.credit ?? img.credit}
        archive={img.archive}
      />
    </figure>
  );
}
