import type { Ctx } from './image-kit.ts';
import { city, market, temple } from './image-motifs-built.ts';
import { forest, harbor, mountain, riceField, road, sea } from './image-motifs-nature.ts';
import { meeting, stadium, stage } from './image-motifs-venues.ts';
import type { DemoScene } from './types.ts';

/** The painter for each scene motif. */
export const MOTIFS: Record<DemoScene['motif'], (ctx: Ctx) => string> = {
  sea,
  'rice-field': riceField,
  city,
  temple,
  market,
  stadium,
  mountain,
  stage,
  meeting,
  harbor,
  road,
  forest,
};
