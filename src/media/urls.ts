/**
 * Where pages link media files: MEDIA_BASE_URL, `/media` by default (served by
 * this server) or a CDN such as `https://cdn.example.id/media`. The views build
 * URLs without a request or config at hand, so the app sets it once at start
 * (buildApp) and puts the default back when it closes.
 */
export const DEFAULT_MEDIA_BASE = '/media';

let base = DEFAULT_MEDIA_BASE;

export function setMediaBaseUrl(url: string = DEFAULT_MEDIA_BASE): void {
  base = url.replace(/\/+$/, '') || DEFAULT_MEDIA_BASE;
}

export function mediaBaseUrl(): string {
  return base;
}

/** The origin to allow in the CSP's img-src when the media are on another host; null for a path. */
export function mediaOrigin(url: string = base): string | null {
  return /^https?:\/\//i.test(url) ? new URL(url).origin : null;
}
