/**
 * The newsroom article editor in the browser: TipTap for the body (paragraph,
 * H2/H3, quote, lists, bold/italic/link, library photos, embeds), converted to
 * our Block[] before anything leaves the page, plus autosave, the local copy,
 * the lock heartbeat and the field widgets. Bundled by ../bundle.ts.
 */

import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { cleanHref, docToBlocks, embedFromUrl, type PMNode } from '../blocks-convert.ts';
import type { EditorStrings } from '../messages.ts';
import { Embed, HtmlBlock, MediaImage, nodeText, QuoteWithCite, RelatedLink } from './nodes.ts';
import { Sync, showBanner } from './sync.ts';
import { openPicker, pickArticle, setupListAutocomplete, setupPins } from './widgets.ts';

interface EditorData {
  id: number;
  version: number;
  canEdit: boolean;
  heldByOther: boolean;
  doc: PMNode;
  strings: EditorStrings;
  csrf: string;
  heartbeatMs: number;
  autosaveMs: number;
  featured: { id: number; previewUrl: string } | null;
  pins: { id: number; headline: string }[];
  urls: {
    save: string;
    autosave: string;
    lock: string;
    media: string;
    tags: string;
    people: string;
    articles: string;
    login: string;
  };
}

function start(): void {
  const dataEl = document.getElementById('nr-editor-data');
  const mount = document.getElementById('nr-editor');
  const form = document.getElementById('article-form') as HTMLFormElement | null;
  if (!dataEl || !mount || !form) return;
  const data = JSON.parse(dataEl.textContent ?? '{}') as EditorData;
  const s = data.strings;
  nodeText.caption = s.captionFor;
  nodeText.credit = s.creditFor;
  nodeText.htmlBlock = s.htmlBlock;
  nodeText.readAlso = s.readAlso;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;

  const editor = new Editor({
    element: mount,
    editable: data.canEdit,
    // The CSP allows no inline styles; ProseMirror's base rules are in newsroom.css.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: {
          openOnClick: false,
          autolink: true,
          isAllowedUri: (url) => cleanHref(url) !== null,
        },
      }),
      QuoteWithCite,
      MediaImage,
      Embed,
      HtmlBlock,
      RelatedLink,
    ],
    content: data.doc,
    editorProps: {
      attributes: {
        class: 'nr-prose',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'e-body-label',
      },
    },
  });

  const blocks = () => docToBlocks(editor.getJSON() as PMNode);
  /** Every form field as the server's JSON endpoints expect it. */
  const collect = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of new FormData(form).entries()) {
      if (k !== '_csrf' && k !== 'version' && typeof v === 'string') out[k] = v;
    }
    out.featuredArchive = field('featuredArchive')?.checked ?? false;
    out.commentsOpen = field('commentsOpen')?.checked ?? false;
    out.body = blocks();
    return out;
  };

  const sync = new Sync({
    id: data.id,
    version: data.version,
    csrf: data.csrf,
    autosaveMs: data.autosaveMs,
    heartbeatMs: data.heartbeatMs,
    urls: data.urls,
    strings: s,
    collect,
    doc: () => editor.getJSON(),
    onVersion: (version, slug) => {
      const v = field('version');
      if (v) v.value = String(version);
      const label = document.getElementById('nr-version');
      if (label) label.textContent = label.textContent?.replace(/\d+/, String(version)) ?? '';
      const slugInput = field('slug');
      if (slugInput && slug && !slugInput.value) slugInput.value = slug;
    },
  });

  // The toolbar.
  const toolbar = document.createElement('div');
  toolbar.className = 'nr-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', s.toolbar);
  const buttons: { label: string; text: string; run: () => void; active?: () => boolean }[] = [
    {
      label: s.paragraph,
      text: '¶',
      run: () => editor.chain().focus().setParagraph().run(),
      active: () => editor.isActive('paragraph'),
    },
    {
      label: s.h2,
      text: 'H2',
      run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
      active: () => editor.isActive('heading', { level: 2 }),
    },
    {
      label: s.h3,
      text: 'H3',
      run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
      active: () => editor.isActive('heading', { level: 3 }),
    },
    {
      label: s.bold,
      text: 'B',
      run: () => editor.chain().focus().toggleBold().run(),
      active: () => editor.isActive('bold'),
    },
    {
      label: s.italic,
      text: 'I',
      run: () => editor.chain().focus().toggleItalic().run(),
      active: () => editor.isActive('italic'),
    },
    {
      label: s.quote,
      text: '❝',
      run: () => editor.chain().focus().toggleBlockquote().run(),
      active: () => editor.isActive('blockquote'),
    },
    {
      label: s.bulletList,
      text: '•',
      run: () => editor.chain().focus().toggleBulletList().run(),
      active: () => editor.isActive('bulletList'),
    },
    {
      label: s.orderedList,
      text: '1.',
      run: () => editor.chain().focus().toggleOrderedList().run(),
      active: () => editor.isActive('orderedList'),
    },
    {
      label: s.link,
      text: s.link,
      run: () => {
        const current = String(editor.getAttributes('link').href ?? '');
        const href = window.prompt(s.linkPrompt, current);
        if (href === null) return;
        if (href.trim() === '') editor.chain().focus().extendMarkRange('link').unsetLink().run();
        else if (cleanHref(href))
          editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
        else window.alert(s.linkInvalid);
      },
      active: () => editor.isActive('link'),
    },
    {
      label: s.image,
      text: s.image,
      run: async () => {
        const item = await openPicker(data.urls.media, s);
        if (!item) return;
        editor
          .chain()
          .focus()
          .insertContent({
            type: 'mediaImage',
            attrs: {
              mediaId: item.id,
              src: item.previewUrl ?? item.thumbUrl,
              caption: item.caption,
              credit: item.credit,
              alt: item.alt,
            },
          })
          .run();
      },
    },
    {
      label: s.embed,
      text: s.embed,
      run: () => {
        const url = window.prompt(s.embedPrompt, '');
        if (!url) return;
        const found = embedFromUrl(url);
        if (!found) return void window.alert(s.embedInvalid);
        editor
          .chain()
          .focus()
          .insertContent({ type: 'embed', attrs: { ...found, title: '' } })
          .run();
      },
    },
    {
      // A "Baca juga" at the caret, chosen with the same headline search as the pins.
      label: s.readAlsoTitle,
      text: s.readAlso,
      run: async () => {
        const article = await pickArticle(data.urls.articles, s);
        if (!article) return;
        editor
          .chain()
          .focus()
          .insertContent({
            type: 'relatedLink',
            attrs: { articleId: article.id, headline: article.headline },
          })
          .run();
      },
    },
    { label: s.undo, text: '↶', run: () => editor.chain().focus().undo().run() },
    { label: s.redo, text: '↷', run: () => editor.chain().focus().redo().run() },
  ];
  const refresh: (() => void)[] = [];
  for (const b of buttons) {
    const el = document.createElement('button');
    el.type = 'button';
    el.textContent = b.text;
    el.title = b.label;
    el.setAttribute('aria-label', b.label);
    el.disabled = !data.canEdit;
    // Keep the caret in the text: a mouse click on the toolbar must not take focus.
    el.addEventListener('mousedown', (event) => event.preventDefault());
    el.addEventListener('click', () => void b.run());
    if (b.active) {
      const isOn = b.active;
      refresh.push(() => el.setAttribute('aria-pressed', String(isOn())));
    }
    toolbar.append(el);
  }
  mount.before(toolbar);
  editor.on('transaction', () => {
    for (const r of refresh) r();
  });

  // Keep the hidden body field current for the plain form post (no-JS fallback path).
  const syncBodyField = () => {
    const body = field('body');
    if (body) body.value = JSON.stringify(blocks());
  };

  // Featured photo.
  const featuredId = field('featuredMediaId');
  const featuredPreview = document.getElementById('nr-featured-preview');
  const setFeatured = (id: number | null, url: string) => {
    if (featuredId) featuredId.value = id == null ? '' : String(id);
    if (!featuredPreview) return;
    featuredPreview.replaceChildren();
    if (id == null) {
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent = s.featuredNone;
      featuredPreview.append(p);
    } else {
      const img = document.createElement('img');
      img.src = url;
      img.alt = '';
      img.width = 320;
      featuredPreview.append(img);
    }
  };
  document.getElementById('nr-featured-choose')?.addEventListener('click', async () => {
    const item = await openPicker(data.urls.media, s);
    if (!item) return;
    setFeatured(item.id, item.previewUrl ?? item.thumbUrl);
    for (const [name, value] of [
      ['featuredCaption', item.caption],
      ['featuredCredit', item.credit],
      ['featuredAlt', item.alt],
    ] as const) {
      const f = field(name);
      if (f && !f.value.trim()) f.value = value;
    }
    sync.changed();
  });
  document.getElementById('nr-featured-remove')?.addEventListener('click', () => {
    setFeatured(null, '');
    sync.changed();
  });

  setupPins(form, data.urls.articles, data.pins, s, () => sync.changed());
  setupListAutocomplete(
    field('tags'),
    document.getElementById('dl-tags') as HTMLDataListElement | null,
    data.urls.tags,
  );
  setupListAutocomplete(
    field('bylines'),
    document.getElementById('dl-bylines') as HTMLDataListElement | null,
    data.urls.people,
  );

  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-confirm]')) {
    button.addEventListener('click', (event) => {
      if (!window.confirm(button.dataset.confirm ?? '')) event.preventDefault();
    });
  }

  if (!data.canEdit) return;

  editor.on('update', () => sync.changed());
  form.addEventListener('input', () => sync.changed());
  form.addEventListener('change', () => sync.changed());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    syncBodyField();
    void sync.save('save');
  });
  // Workflow buttons save unsaved text first, so "submit" sends what is on screen.
  for (const actionForm of document.querySelectorAll<HTMLFormElement>('form.nr-action')) {
    actionForm.addEventListener('submit', async (event) => {
      if (!sync.isDirty) return;
      event.preventDefault();
      if ((await sync.save('save')) === 'ok') actionForm.submit();
    });
  }

  // An unsaved copy from an earlier visit (expired session, dropped connection)?
  const local = sync.localCopy();
  if (local) {
    const same = JSON.stringify(local.payload) === JSON.stringify(collect());
    if (same) sync.discardLocal();
    else {
      const restore = document.createElement('button');
      restore.type = 'button';
      restore.className = 'btn small';
      restore.textContent = s.restoreLocalButton;
      const discard = document.createElement('button');
      discard.type = 'button';
      discard.className = 'btn small secondary';
      discard.textContent = s.discardLocal;
      const wrap = document.createElement('p');
      wrap.append(restore, document.createTextNode(' '), discard);
      const when = new Date(local.savedAt);
      const time = `${when.toLocaleDateString()} ${String(when.getHours()).padStart(2, '0')}.${String(when.getMinutes()).padStart(2, '0')}`;
      showBanner(s.restoreLocal.replace('{time}', time), 'warn', wrap);
      restore.addEventListener('click', () => {
        for (const [name, value] of Object.entries(local.payload)) {
          const f = field(name);
          if (!f || name === 'body') continue;
          if (f.type === 'checkbox') f.checked = value === true;
          else if (typeof value === 'string') f.value = value;
        }
        editor.commands.setContent(local.doc as PMNode);
        showBanner(s.restoredLocal, 'ok');
        sync.changed();
      });
      discard.addEventListener('click', () => {
        sync.discardLocal();
        showBanner('', '');
      });
    }
  }
  sync.startHeartbeat();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
