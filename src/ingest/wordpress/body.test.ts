import { describe, expect, it } from 'vitest';
import { convertBody } from './body.ts';

describe('WordPress body: what has no Warta block', () => {
  it('keeps unknown shortcodes (with what they wrap) as sanitised html blocks and reports them', async () => {
    const body = await convertBody(
      'Awal.\n\n[jadwal hari="senin"]<table><tr><td>Kapal</td><td onmouseover="x()">07.00</td></tr></table>[/jadwal]\n\n[kontak id="5"]\n\nAkhir.',
      async () => null,
    );
    expect(body.blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'Awal.' }] },
      {
        type: 'html',
        label: '[jadwal]',
        html: '<p><code>[jadwal hari="senin"]</code></p><table><tr><td>Kapal</td><td>07.00</td></tr></table>',
      },
      { type: 'html', label: '[kontak]', html: '<p><code>[kontak id="5"]</code></p>' },
      { type: 'paragraph', content: [{ text: 'Akhir.' }] },
    ]);
    expect(body.unmapped).toEqual(['[jadwal]', '[kontak]']);
  });
});
