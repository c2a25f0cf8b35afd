import { describe, expect, it } from 'vitest';
import type { Block } from '../../content/blocks.ts';
import {
  blocksToDoc,
  cleanHref,
  docToBlocks,
  embedFromUrl,
  type PMNode,
} from './blocks-convert.ts';

const every: Block[] = [
  {
    type: 'paragraph',
    content: [
      { text: 'Warga ' },
      { text: 'Desa Tista', marks: ['bold'] },
      { text: ' berkumpul ' },
      { text: 'pagi ini', marks: ['bold', 'italic'] },
      { text: ', kata ' },
      { text: 'laporan', marks: ['link'], href: 'https://example.org/laporan' },
      { text: ' dan ' },
      { text: 'arsip', marks: ['italic', 'link'], href: '/daerah/1/arsip' },
      { text: '.\nBaris kedua.' },
    ],
  },
  { type: 'heading', level: 2, text: 'Jalan rusak' },
  { type: 'heading', level: 3, text: 'Perbaikan' },
  { type: 'quote', text: 'Kami menunggu sejak lama.', cite: 'Kepala desa' },
  { type: 'quote', text: 'Baris satu\nBaris dua' },
  { type: 'list', ordered: false, items: [[{ text: 'satu' }], [{ text: 'dua', marks: ['bold'] }]] },
  { type: 'list', ordered: true, items: [[{ text: 'pertama' }]] },
  { type: 'image', mediaId: 7, caption: 'Jalan desa', credit: 'Warta/Uji', alt: 'Jalan berlubang' },
  { type: 'image', mediaId: 8 },
  {
    type: 'embed',
    provider: 'youtube',
    url: 'https://www.youtube.com/watch?v=abc123',
    title: 'Video',
  },
  {
    type: 'html',
    label: 'table',
    html: '<table><tbody><tr><td>Pasang</td><td>2,6 m</td></tr></tbody></table>',
  },
];

describe('blocks ↔ editor document', () => {
  it('round-trips every block type and mark', () => {
    expect(docToBlocks(blocksToDoc(every))).toEqual(every);
  });

  it('shapes the editor document as TipTap expects', () => {
    const doc = blocksToDoc(every, (id) => `/thumb/${id}`);
    expect(doc.type).toBe('doc');
    const [p, h2, , q] = doc.content ?? [];
    expect(p?.content?.[1]).toEqual({
      type: 'text',
      text: 'Desa Tista',
      marks: [{ type: 'bold' }],
    });
    expect(p?.content?.[5]).toEqual({
      type: 'text',
      text: 'laporan',
      marks: [{ type: 'link', attrs: { href: 'https://example.org/laporan' } }],
    });
    expect(p?.content?.some((n) => n.type === 'hardBreak')).toBe(true);
    expect(h2).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    expect(q).toMatchObject({ type: 'blockquote', attrs: { cite: 'Kepala desa' } });
    expect(doc.content?.find((n) => n.type === 'mediaImage')?.attrs?.src).toBe('/thumb/7');
    expect(blocksToDoc([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('reads what the editor produces: merges runs, drops empty and unknown nodes', () => {
    const doc: PMNode = {
      type: 'doc',
      content: [
        { type: 'paragraph' },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Satu ' },
            { type: 'text', text: 'dua', marks: [{ type: 'strike' }] },
            { type: 'text', text: ' tiga', marks: [{ type: 'code' }] },
          ],
        },
        {
          type: 'heading',
          attrs: { level: 1 },
          content: [{ type: 'text', text: 'Besar', marks: [{ type: 'bold' }] }],
        },
        { type: 'heading', attrs: { level: 5 }, content: [{ type: 'text', text: 'Kecil' }] },
        { type: 'codeBlock', content: [{ type: 'text', text: 'rm -rf /' }] },
        { type: 'horizontalRule' },
        { type: 'mediaImage', attrs: { mediaId: 'abc' } },
        { type: 'embed', attrs: { url: 'https://evil.example/x' } },
        { type: 'paragraph', content: [{ type: 'text', text: '   ' }] },
      ],
    };
    expect(docToBlocks(doc)).toEqual([
      { type: 'paragraph', content: [{ text: 'Satu dua tiga' }] },
      { type: 'heading', level: 2, text: 'Besar' },
      { type: 'heading', level: 3, text: 'Kecil' },
    ]);
  });

  it('keeps only http(s) and relative link targets, keeping the text of others', () => {
    const para = (href: string): PMNode => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'klik', marks: [{ type: 'link', attrs: { href } }] }],
        },
      ],
    });
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'java\tscript:x',
      'data:text/html,x',
      '//evil.example',
      'mailto:a@b.c',
      'vbscript:x',
    ]) {
      expect(docToBlocks(para(bad)), bad).toEqual([
        { type: 'paragraph', content: [{ text: 'klik' }] },
      ]);
    }
    expect(docToBlocks(para('https://a.example/b'))[0]).toEqual({
      type: 'paragraph',
      content: [{ text: 'klik', marks: ['link'], href: 'https://a.example/b' }],
    });
    expect(
      blocksToDoc([
        { type: 'paragraph', content: [{ text: 'x', marks: ['link'], href: 'javascript:x' }] },
      ]).content?.[0],
    ).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'x' }],
    });
    expect(cleanHref('/a/b')).toBe('/a/b');
    expect(cleanHref(' https://x.example ')).toBe('https://x.example');
    expect(cleanHref(42)).toBeNull();
  });

  it('recognises YouTube, X and Instagram URLs only', () => {
    expect(embedFromUrl('https://youtu.be/abc')?.provider).toBe('youtube');
    expect(embedFromUrl('https://www.youtube.com/shorts/abc')?.provider).toBe('youtube');
    expect(embedFromUrl('https://x.com/warta/status/123')?.provider).toBe('x');
    expect(embedFromUrl('https://twitter.com/warta/status/123')?.provider).toBe('x');
    expect(embedFromUrl('https://www.instagram.com/p/Cx1/')?.provider).toBe('instagram');
    expect(embedFromUrl('https://www.youtube.com/')).toBeNull();
    expect(embedFromUrl('https://evil.example/watch?v=1')).toBeNull();
    expect(embedFromUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('html blocks through the editor and the save validation', () => {
  it('travels as a non-editable htmlBlock atom and is saved back intact, moved or not', () => {
    const html = every.at(-1) as Block;
    const doc = blocksToDoc([html, { type: 'paragraph', content: [{ text: 'Teks' }] }]);
    expect(doc.content?.[0]).toEqual({
      type: 'htmlBlock',
      attrs: { html: (html as { html: string }).html, label: 'table' },
    });
    // Moved below the paragraph by the editor: still there, unchanged.
    const moved = { type: 'doc', content: [doc.content?.[1], doc.content?.[0]] as PMNode[] };
    expect(docToBlocks(moved)).toEqual([{ type: 'paragraph', content: [{ text: 'Teks' }] }, html]);
  });

  it('cleans the block again on save and never drops a clean one', async () => {
    const { bodySchema, sanitizeBody } = await import('./validate.ts');
    const table = every.at(-1) as Block;
    const bad: Block = {
      type: 'html',
      html: '<table onclick="alert(1)"><tr><td><a href="javascript:alert(1)">x</a><script>alert(1)</script></td></tr></table>',
    };
    const parsed = bodySchema.parse([table, bad, { type: 'html', html: '<script>x</script>' }]);
    expect(sanitizeBody(parsed)).toEqual([
      table,
      { type: 'html', html: '<table><tr><td><a rel="nofollow noopener">x</a></td></tr></table>' },
    ]);
    expect(bodySchema.safeParse([{ type: 'html', html: 'x', style: 'y' }]).success).toBe(false);
  });
});
