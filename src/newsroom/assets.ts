import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** A newsroom static file held in memory under a content-hashed, cache-forever URL. */
export interface NewsroomAsset {
  url: string;
  body: Buffer;
  type: string;
}

const DIR = fileURLToPath(new URL('./assets/', import.meta.url));

function load(name: string, type: string): NewsroomAsset {
  const body = readFileSync(DIR + name);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const dot = name.lastIndexOf('.');
  return { url: `/static/${name.slice(0, dot)}.${hash}${name.slice(dot)}`, body, type };
}

/** The newsroom stylesheet, loaded once at start; its URL changes whenever it does. */
export const newsroomCss: NewsroomAsset = load('newsroom.css', 'text/css; charset=utf-8');

/** The login forms' script: starts the proof-of-work widget (decision 004). */
export const newsroomLoginJs: NewsroomAsset = load('login.js', 'text/javascript; charset=utf-8');

/** Serves the newsroom's hashed assets. */
export function registerNewsroomAssets(app: FastifyInstance): void {
  for (const asset of [newsroomCss, newsroomLoginJs]) {
    app.get(asset.url, (_req, reply) =>
      reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type(asset.type)
        .send(asset.body),
    );
  }
}
