import type { EmbedBlock } from '../../content/blocks.ts';

/**
 * WordPress markup rewritten to plain HTML before the body is parsed:
 * Gutenberg block comments, shortcodes (`[caption]`, `[embed]`, `[gallery]`,
 * any other as a `<wp-shortcode>` marker), classic-editor paragraphs
 * (wpautop), and the oEmbed hosts that become Warta embed blocks.
 */

const EMBED_HOSTS: [RegExp, EmbedBlock['provider']][] = [
  [/^https?:\/\/(?:www\.|m\.)?(?:youtube\.com|youtu\.be|youtube-nocookie\.com)\//i, 'youtube'],
  [/^https?:\/\/(?:www\.|mobile\.)?(?:twitter\.com|x\.com)\//i, 'x'],
  [/^https?:\/\/(?:www\.)?instagram\.com\//i, 'instagram'],
];

export function embedOf(url: string): EmbedBlock | null {
  for (const [re, provider] of EMBED_HOSTS)
    if (re.test(url)) return { type: 'embed', provider, url };
  return null;
}

/** Turns `[caption]`, `[embed]` and `[gallery ids]` into elements; other shortcodes into markers. */
export function expandShortcodes(html: string, unmapped: string[]): string {
  let out = html.replace(
    /\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi,
    (_m, attrs: string, inner: string) => {
      const id = /id="attachment_(\d+)"/i.exec(attrs)?.[1] ?? '';
      return `<figure data-attachment="${id}">${inner.replace(/(<img[^>]*>|<\/a>)\s*([^<]+)$/i, '$1<figcaption>$2</figcaption>')}</figure>`;
    },
  );
  out = out.replace(
    /\[embed\]([^[]+)\[\/embed\]/gi,
    (_m, url: string) => `<wp-embed url="${url.trim()}"></wp-embed>`,
  );
  out = out.replace(/\[gallery([^\]]*)\]/gi, (_m, attrs: string) => {
    const ids =
      /ids="([\d,\s]+)"/i
        .exec(attrs)?.[1]
        ?.split(',')
        .map((s) => s.trim()) ?? [];
    if (ids.length === 0) {
      unmapped.push('[gallery]');
      return '';
    }
    return ids.map((id) => `<img class="wp-image-${id}" src="">`).join('');
  });
  // Any other shortcode: kept (with what it wraps) as an html block, reported by the converter.
  out = out.replace(
    /\[([a-z][\w-]*)([^\]]*)\]([\s\S]*?)\[\/\1\]/gi,
    (m, name: string, _a: string, inner: string) =>
      `<wp-shortcode name="${name}" raw="${encodeURIComponent(m.slice(0, m.length - inner.length - name.length - 3))}">${inner}</wp-shortcode>`,
  );
  out = out.replace(
    /\[([a-z][\w-]*)([^\]]*)\]/gi,
    (m, name: string) =>
      `<wp-shortcode name="${name}" raw="${encodeURIComponent(m)}"></wp-shortcode>`,
  );
  out = out.replace(/\[\/[a-z][\w-]*\]/gi, '');
  return out;
}

/** Gutenberg: embeds become `<wp-embed>`, every other block comment goes. */
export function flattenGutenberg(html: string): string {
  return html
    .replace(
      /<!--\s*wp:(?:core-)?embed(?:\/[\w-]+)?\s+(\{[\s\S]*?\})\s*\/?-->[\s\S]*?(?:<!--\s*\/wp:(?:core-)?embed(?:\/[\w-]+)?\s*-->|$)/g,
      (m, json: string) => {
        try {
          const url = (JSON.parse(json) as { url?: string }).url;
          return url ? `<wp-embed url="${url.replace(/"/g, '&quot;')}"></wp-embed>` : m;
        } catch {
          return m;
        }
      },
    )
    .replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '\n\n');
}

/** Classic editor text: blank lines separate paragraphs (what wpautop does on display). */
export function autop(html: string): string {
  const blocks = html.split(/\n\s*\n/);
  return blocks
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) =>
      /^<(?:p|div|h[1-6]|ul|ol|blockquote|figure|table|pre|hr|iframe|wp-embed|wp-shortcode|section|script|style)\b/i.test(
        b,
      )
        ? b
        : `<p>${b.replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
}
