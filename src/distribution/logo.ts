import sharp from 'sharp';
import { xmlEscape } from './xml.ts';

/**
 * The site's logo for Google (the NewsArticle publisher's `logo`): Warta has
 * no uploaded logo, so it draws the site's name as a wordmark, a PNG of a
 * fixed size (wider than tall, at least 112 px each way as Google asks for
 * organization logos), made once per process.
 */
export const SITE_LOGO = { path: '/logo.png', width: 600, height: 120 } as const;

const made = new Map<string, Promise<Buffer>>();

/** The wordmark PNG for this site name. */
export function siteLogoPng(siteName: string): Promise<Buffer> {
  let png = made.get(siteName);
  if (!png) {
    const { width, height } = SITE_LOGO;
    // Long names shrink to fit: about 0.62 em per character of a bold serif.
    const size = Math.min(72, Math.floor((width - 40) / Math.max(1, [...siteName].length * 0.62)));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#ffffff"/><text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" font-family="Georgia, 'DejaVu Serif', 'Noto Serif', serif" font-weight="700" font-size="${size}" fill="#c4161c">${xmlEscape(siteName)}</text></svg>`;
    png = sharp(Buffer.from(svg)).png().toBuffer();
    made.set(siteName, png);
  }
  return png;
}
