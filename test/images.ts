import { constants, crc32, deflateRawSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Real image files built in memory for the media tests: photos with IPTC, XMP
 * and GPS metadata, lying and broken files, and a decompression bomb. Used by
 * tests only.
 */

/** A plain photo-like image (noise, so encoders do real work) in any accepted format. */
export function photo(
  width: number,
  height: number,
  format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' = 'jpeg',
): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000000',
      noise: { type: 'gaussian', mean: 120, sigma: 25 },
    },
  })
    .toFormat(format)
    .toBuffer();
}

/** An XMP packet with dc:description, dc:creator and photoshop:Credit (values XML-escaped). */
export function xmpPacket(fields: { description?: string; creator?: string; credit?: string }) {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
${fields.description ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(fields.description)}</rdf:li></rdf:Alt></dc:description>` : ''}
${fields.creator ? `<dc:creator><rdf:Seq><rdf:li>${esc(fields.creator)}</rdf:li></rdf:Seq></dc:creator>` : ''}
${fields.credit ? `<photoshop:Credit>${esc(fields.credit)}</photoshop:Credit>` : ''}
</rdf:Description></rdf:RDF></x:xmpmeta>`;
}

/** A JPEG with EXIF GPS (Denpasar) and optional XMP, as a phone camera writes it. */
export function jpegWithGps(xmp?: string): Promise<Buffer> {
  let pipeline = sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 90, b: 140 } },
  }).withExif({
    IFD0: { Make: 'UjiPhone', ImageDescription: 'OLYMPUS DIGITAL CAMERA' },
    IFD3: {
      GPSLatitudeRef: 'S',
      GPSLatitude: '8/1 39/1 0/1',
      GPSLongitudeRef: 'E',
      GPSLongitude: '115/1 13/1 0/1',
    },
  });
  if (xmp) pipeline = pipeline.withXmp(xmp);
  return pipeline.jpeg().toBuffer();
}

/**
 * A JPEG carrying an IPTC-IIM block (APP13 "Photoshop 3.0" / 8BIM 0x0404), as
 * photo agencies send them: 2:120 Caption-Abstract, 2:80 By-line, 2:110 Credit,
 * UTF-8 declared in 1:90.
 */
export async function jpegWithIptc(fields: { caption?: string; byline?: string; credit?: string }) {
  const record = (dataset: number, text: string) => {
    const data = Buffer.from(text, 'utf8');
    return Buffer.concat([
      Buffer.from([0x1c, 2, dataset, data.length >> 8, data.length & 255]),
      data,
    ]);
  };
  const iim = Buffer.concat([
    Buffer.from([0x1c, 1, 90, 0, 3, 0x1b, 0x25, 0x47]),
    fields.caption ? record(120, fields.caption) : Buffer.alloc(0),
    fields.byline ? record(80, fields.byline) : Buffer.alloc(0),
    fields.credit ? record(110, fields.credit) : Buffer.alloc(0),
  ]);
  const pad = Buffer.alloc(iim.length % 2);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length);
  const payload = Buffer.concat([
    Buffer.from('Photoshop 3.0\0', 'latin1'),
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x04, 0, 0]),
    size,
    iim,
    pad,
  ]);
  const header = Buffer.from([0xff, 0xed, (payload.length + 2) >> 8, (payload.length + 2) & 255]);
  const jpeg = await photo(400, 300, 'jpeg');
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A valid grayscale PNG of `width`×`height` pixels (square when `height` is
 * left out), all black, whose pixel data compresses to almost nothing:
 * 10000×10000 (100 megapixels) is about 100 KB, 49,000,000×1 about 50 KB. The
 * zeros are deflated a megabyte at a time and the same compressed piece is
 * repeated, so the test never holds the pixels and takes milliseconds.
 */
export function pngBomb(width = 10_000, height = width): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: grayscale
  // Every row is a filter byte (0, none) and one byte per pixel, all zero.
  const total = (width + 1) * height;
  const chunk = 1 << 20;
  // Sync-flushed raw deflate pieces concatenate into one valid stream.
  const deflateZeros = (n: number) =>
    deflateRawSync(Buffer.alloc(n), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const piece = deflateZeros(chunk);
  const parts: Buffer[] = [Buffer.from([0x78, 0xda])];
  for (let i = 0; i < Math.floor(total / chunk); i++) parts.push(piece);
  if (total % chunk) parts.push(deflateZeros(total % chunk));
  parts.push(Buffer.from([0x03, 0x00])); // final empty block
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) << 16) | 1) >>> 0); // Adler-32 of `total` zero bytes
  parts.push(adler);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.concat(parts)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
