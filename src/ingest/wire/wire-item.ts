import type { Block } from '../../content/blocks.ts';

/**
 * What the wire parsers produce and report: the normalised `WireItem` every
 * format ends up as, and the `WireProblem`s (with their codes) a source's page
 * shows for a delivery.
 */

export interface WireImage {
  url: string;
  caption: string;
  credit: string;
}

export interface WireItem {
  guid: string;
  /** The agency's version when it states one (ninjs `version`, NewsML `version`); else null. */
  version: number | null;
  headline: string;
  blocks: Block[];
  url: string;
  dateline: string;
  publishedAt: number;
  embargoUntil: number | null;
  image: WireImage | null;
  /** The agency marks it as an update or correction ("UPDATE:", "RALAT", ninjs pubstatus). */
  isUpdate: boolean;
}

export type ProblemCode =
  | 'not-a-feed'
  | 'invalid-xml'
  | 'doctype'
  | 'too-large'
  | 'invalid-json'
  | 'missing-field'
  | 'duplicate-guid'
  | 'date-future'
  | 'date-ancient'
  | 'headline-too-long'
  | 'markup-removed'
  | 'bad-image'
  | 'too-many-items'
  | 'http-status'
  | 'redirect-loop'
  | 'timeout'
  | 'network'
  | 'auth';

export interface WireProblem {
  code: ProblemCode;
  /** The item it concerns, when it is about one. */
  guid?: string;
  detail?: string;
}
