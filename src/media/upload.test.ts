import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jpegWithGps, jpegWithIptc, photo, pngBomb, xmpPacket } from '../../test/images.ts';
import { AppError } from '../lib/errors.ts';
import {
  checkMediaText,
  checkUpload,
  cleanText,
  MAX_UPLOAD_BYTES,
  sniffImageKind,
} from './upload.ts';
import { storeImage } from './variants.ts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
}

describe('sniffImageKind', () => {
  it('knows the five accepted kinds by their bytes', async () => {
    for (const kind of ['jpeg', 'png', 'webp', 'avif', 'gif'] as const) {
      expect(sniffImageKind(await photo(40, 30, kind))).toBe(kind);
    }
  });

  it('refuses SVG, HTML, PDF, programs, HEIC and short junk', () => {
    const files = [
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      '<?xml version="1.0"?><svg/>',
      '<!doctype html><html><script>alert(1)</script>',
      '%PDF-1.7\n%âãÏÓ',
      'MZ\x90\x00\x03\x00\x00\x00',
      '\x7fELF\x02\x01\x01',
      '\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic',
      '\xff\xd8',
      '',
    ];
    for (const f of files) expect(sniffImageKind(Buffer.from(f, 'latin1'))).toBeNull();
  });
});

describe('checkUpload', () => {
  it('accepts a PNG whatever it is called, and reports its real type and size', async () => {
    const checked = await checkUpload(await photo(300, 200, 'png'));
    expect(checked).toMatchObject({ kind: 'png', mime: 'image/png', width: 300, height: 200 });
  });

  it('refuses empty, lying, truncated-header, oversized and bomb files with their own error', async () => {
    expect(await codeOf(checkUpload(Buffer.alloc(0)))).toBe('MEDIA_EMPTY_FILE');
    expect(
      await codeOf(checkUpload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))),
    ).toBe('MEDIA_UNSUPPORTED_TYPE');
    const jpeg = await photo(300, 200, 'jpeg');
    expect(await codeOf(checkUpload(jpeg.subarray(0, 40)))).toBe('MEDIA_CORRUPT');
    // PNG signature followed by garbage: the header cannot be read.
    const fakePng = Buffer.concat([
      (await photo(10, 10, 'png')).subarray(0, 8),
      Buffer.from('junk'),
    ]);
    expect(await codeOf(checkUpload(fakePng))).toBe('MEDIA_CORRUPT');
    expect(await codeOf(checkUpload(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0xff)))).toBe(
      'MEDIA_FILE_TOO_LARGE',
    );
    const bomb = pngBomb(10_000);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await codeOf(checkUpload(bomb))).toBe('MEDIA_TOO_MANY_PIXELS');
  });

  it('refuses from the header alone a side over 16,000 px, over 50 megapixels, or a shape over 20:1', async () => {
    const cases: Array<[number, number, string]> = [
      [49_000_000, 1, 'MEDIA_SIDE_TOO_LONG'],
      [1, 49_000_000, 'MEDIA_SIDE_TOO_LONG'],
      [16_001, 1_000, 'MEDIA_SIDE_TOO_LONG'],
      [7_072, 7_072, 'MEDIA_TOO_MANY_PIXELS'],
      [16_000, 799, 'MEDIA_BAD_ASPECT'],
      [300, 6_001, 'MEDIA_BAD_ASPECT'],
      // A wide phone panorama and a long infographic are news images.
      [16_000, 3_000, 'ok'],
      [1_080, 8_640, 'ok'],
    ];
    for (const [width, height, code] of cases) {
      expect([width, height, await codeOf(checkUpload(pngBomb(width, height)))]).toEqual([
        width,
        height,
        code,
      ]);
    }
  });

  it('prefills caption and credit from XMP (entities decoded) in JPEG and PNG', async () => {
    const xmp = xmpPacket({
      description: 'Petani memanen padi & jagung di Tabanan',
      creator: 'Made Wira',
      credit: 'Antara',
    });
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const file = await sharp(await photo(200, 150, format))
        .withXmp(xmp)
        .toFormat(format)
        .toBuffer();
      const { prefill } = await checkUpload(file);
      expect(prefill).toEqual({
        caption: 'Petani memanen padi & jagung di Tabanan',
        credit: 'Made Wira/Antara',
      });
    }
  });

  it('prefills caption and credit from IPTC-IIM', async () => {
    const file = await jpegWithIptc({
      caption: 'Upacara melasti di Pantai Sanur',
      byline: 'Ketut Uji',
      credit: 'Warta',
    });
    expect((await checkUpload(file)).prefill).toEqual({
      caption: 'Upacara melasti di Pantai Sanur',
      credit: 'Ketut Uji/Warta',
    });
    const creditOnly = await jpegWithIptc({ credit: 'Ant' });
    expect((await checkUpload(creditOnly)).prefill).toEqual({ caption: '', credit: 'Ant' });
  });

  it('has nothing to prefill for a photo without IPTC or XMP (EXIF is ignored)', async () => {
    expect((await checkUpload(await jpegWithGps())).prefill).toEqual({ caption: '', credit: '' });
  });
});

describe('location data', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-gps-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps no GPS (nor any EXIF/XMP) in the stored original or any variant', async () => {
    const input = await jpegWithGps(xmpPacket({ description: 'x' }));
    expect(await exifr.gps(input)).toMatchObject({ latitude: -8.65 });
    await storeImage(dir, 'lokasi', input);
    const folder = path.join(dir, 'lokasi');
    const files = fs.readdirSync(folder);
    expect(files).toContain('original.jpg');
    for (const f of files) {
      const meta = await sharp(path.join(folder, f)).metadata();
      expect([f, meta.exif, meta.xmp, meta.iptc]).toEqual([f, undefined, undefined, undefined]);
    }
    expect(
      await exifr.gps(path.join(folder, 'original.jpg')).catch(() => undefined),
    ).toBeUndefined();
  });
});

describe('checkMediaText', () => {
  it('cleans plain text, keeps HTML as text and refuses overlong fields', () => {
    expect(
      checkMediaText({ caption: '  <b>Banjir</b>\n\tdi  Badung ', credit: 7, alt: undefined }),
    ).toEqual({ caption: '<b>Banjir</b> di Badung', credit: '', alt: '' });
    expect(cleanText('a\u0000b\u200bc')).toBe('ab c');
    // Bidi overrides and isolates make text read differently from how it is stored.
    expect(cleanText('\u202eBanjir\u202c di \u2066Badung\u2069\u0085')).toBe('Banjir di Badung');
    expect(() => checkMediaText({ caption: 'x'.repeat(1001) })).toThrow('MEDIA_CAPTION_TOO_LONG');
    expect(() => checkMediaText({ credit: 'x'.repeat(201) })).toThrow('MEDIA_CREDIT_TOO_LONG');
    expect(() => checkMediaText({ alt: 'x'.repeat(501) })).toThrow('MEDIA_ALT_TOO_LONG');
    expect(checkMediaText({ alt: 'é'.repeat(500) }).alt).toHaveLength(500);
  });
});
