import { mergeAttributes, Node } from '@tiptap/core';
import Blockquote from '@tiptap/extension-blockquote';

/**
 * Editor nodes beyond the starter kit: a photo from the media library
 * (mediaId + caption + credit + alt; the picture shown is only a preview) and
 * an embed (YouTube, X, Instagram URL shown as a placeholder box, as readers
 * will first see it). A blockquote keeps an optional `cite`.
 */

/** Strings the node views show; set by main.ts from the page's catalog. */
export const nodeText = {
  caption: 'Keterangan',
  credit: 'Kredit',
  remove: 'Hapus',
  htmlBlock: 'Blok HTML (impor)',
  readAlso: 'Baca juga',
};

/** The blockquote with the stored quote's attribution preserved. */
export const QuoteWithCite = Blockquote.extend({
  addAttributes() {
    return { cite: { default: null } };
  },
});

function input(
  value: string,
  label: string,
  onChange: (v: string) => void,
  editable: boolean,
): HTMLLabelElement {
  const wrap = document.createElement('label');
  wrap.className = 'nr-node-field';
  const span = document.createElement('span');
  span.textContent = label;
  const el = document.createElement('input');
  el.type = 'text';
  el.value = value;
  el.maxLength = 500;
  el.disabled = !editable;
  el.addEventListener('input', () => onChange(el.value));
  wrap.append(span, el);
  return wrap;
}

/** A library photo inside the body. */
export const MediaImage = Node.create({
  name: 'mediaImage',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      mediaId: { default: null },
      src: { default: '' },
      caption: { default: '' },
      credit: { default: '' },
      alt: { default: '' },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-media-id]',
        getAttrs: (el) => ({ mediaId: Number((el as HTMLElement).dataset.mediaId) }),
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'figure',
      mergeAttributes({ 'data-media-id': HTMLAttributes.mediaId }),
      ['figcaption', {}, String(HTMLAttributes.caption ?? '')],
    ];
  },
  addNodeView() {
    return ({ node, getPos, editor }) => {
      const dom = document.createElement('figure');
      dom.className = 'nr-node nr-node-image';
      dom.contentEditable = 'false';
      const img = document.createElement('img');
      img.alt = '';
      img.src = String(node.attrs.src || '');
      img.width = 320;
      const set = (key: string) => (value: string) => {
        const pos = typeof getPos === 'function' ? getPos() : undefined;
        if (pos === undefined) return;
        editor.commands.command(({ tr }) => {
          const current = tr.doc.nodeAt(pos);
          if (!current) return false;
          tr.setNodeMarkup(pos, undefined, { ...current.attrs, [key]: value });
          return true;
        });
      };
      const fields = document.createElement('div');
      fields.className = 'nr-node-fields';
      fields.append(
        input(
          String(node.attrs.caption ?? ''),
          nodeText.caption,
          set('caption'),
          editor.isEditable,
        ),
        input(String(node.attrs.credit ?? ''), nodeText.credit, set('credit'), editor.isEditable),
      );
      dom.append(img, fields);
      return {
        dom,
        // Typing in the caption fields must not be handled as editor input.
        stopEvent: (event: Event) => (event.target as HTMLElement)?.tagName === 'INPUT',
        ignoreMutation: () => true,
        update: (updated) =>
          updated.type.name === 'mediaImage' && updated.attrs.mediaId === node.attrs.mediaId,
      };
    };
  },
});

/** An embedded post, shown as the reader's click-to-load placeholder. */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { provider: { default: '' }, url: { default: '' }, title: { default: '' } };
  },
  parseHTML() {
    return [
      {
        tag: 'div[data-embed-url]',
        getAttrs: (el) => ({ url: (el as HTMLElement).dataset.embedUrl }),
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', { 'data-embed-url': HTMLAttributes.url }, String(HTMLAttributes.url ?? '')];
  },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('div');
      dom.className = `nr-node nr-node-embed embed-${String(node.attrs.provider)}`;
      dom.contentEditable = 'false';
      const strong = document.createElement('strong');
      strong.textContent = String(node.attrs.provider).toUpperCase();
      const span = document.createElement('span');
      span.textContent = ` ${String(node.attrs.url)}`;
      dom.append(strong, span);
      return { dom };
    };
  },
});

/**
 * An imported html block (a table…): a non-editable atom that can be moved or
 * deleted like a photo. The preview is the block's text only (never its HTML),
 * so nothing in it runs in the newsroom; the HTML itself rides in the attrs
 * and is saved back unchanged (the server cleans it again).
 */
export const HtmlBlock = Node.create({
  name: 'htmlBlock',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { html: { default: '' }, label: { default: '' } };
  },
  parseHTML() {
    return [{ tag: 'div[data-html-block]', getAttrs: () => false }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', { 'data-html-block': String(HTMLAttributes.label ?? '') }, nodeText.htmlBlock];
  },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('div');
      dom.className = 'nr-node nr-node-html';
      dom.contentEditable = 'false';
      const strong = document.createElement('strong');
      const label = String(node.attrs.label ?? '');
      strong.textContent = label ? `${nodeText.htmlBlock} · ${label}` : nodeText.htmlBlock;
      const preview = document.createElement('span');
      const text = new DOMParser()
        // Cells and paragraphs end with a space so their words do not run together.
        .parseFromString(
          String(node.attrs.html ?? '').replace(/<\/(td|th|p|li|caption)>/gi, ' $&'),
          'text/html',
        )
        .body.textContent?.replace(/\s+/g, ' ')
        .trim();
      preview.textContent = ` ${(text ?? '').slice(0, 200)}`;
      dom.append(strong, preview);
      return { dom };
    };
  },
});

/**
 * A "Baca juga" the editor placed at this point of the body: an atom holding
 * the article id (the headline is only shown here; the page looks it up and
 * shows the link while that article is visible).
 */
export const RelatedLink = Node.create({
  name: 'relatedLink',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { articleId: { default: null }, headline: { default: '' } };
  },
  parseHTML() {
    return [{ tag: 'aside[data-related-id]', getAttrs: () => false }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'aside',
      { 'data-related-id': String(HTMLAttributes.articleId ?? '') },
      `${nodeText.readAlso}: ${String(HTMLAttributes.headline ?? '')}`,
    ];
  },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('aside');
      dom.className = 'nr-node nr-node-related';
      dom.contentEditable = 'false';
      const strong = document.createElement('strong');
      strong.textContent = `${nodeText.readAlso}:`;
      const span = document.createElement('span');
      span.textContent = ` ${String(node.attrs.headline || `#${String(node.attrs.articleId)}`)}`;
      dom.append(strong, span);
      return { dom };
    };
  },
});
