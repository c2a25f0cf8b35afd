import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ErrorCode } from '../../lib/errors.ts';
import type { CommentSettings } from '../settings.ts';

/** Why a comment waits for an editor; shown to moderators. */
export type HoldReason =
  | 'pre-moderation'
  | 'first-time'
  | 'no-captcha'
  | 'links'
  | 'suspect-words'
  | 'disposable-email'
  | 'reported';

/** What one phase decides: let it through, hold it for an editor, or refuse it. */
export type Verdict =
  | { kind: 'accept' }
  | { kind: 'hold'; reason: HoldReason; detail?: string }
  | {
      kind: 'reject';
      code: ErrorCode;
      /** Seconds until a retry can succeed (rate limits). */
      retryAfter?: number;
      /** Refused without telling a bot why (honeypot, too fast). */
      quiet?: boolean;
      /** The form's text is kept and the reader asked to reload (expired form or captcha). */
      reload?: boolean;
    };

/** A validated comment with its keyed hashes, as the phases see it. */
export interface Candidate {
  articleId: number;
  /** The article's section and its parent, for per-section modes. */
  sectionIds: number[];
  body: string;
  name: string;
  email: string;
  website: string;
  emailHash: string;
  ipHash: string;
  /** When this browser posted comments in the last hour (ms, from its cookie; none without one). */
  browserTimes: number[];
  bodyHash: string;
  token: string;
  honeypot: string;
  captcha: string;
}

export interface PhaseEnv {
  db: Kysely<Database>;
  secret: string;
  /** What verifies form tokens and challenges (SECRET_KEY, then SECRET_KEY_PREVIOUS); `secret` when absent. */
  verifyingKeys?: readonly string[];
  settings: CommentSettings;
  words: { banned: string[]; suspect: string[] };
  now: number;
}

export interface Phase {
  name: string;
  run(c: Candidate, env: PhaseEnv): Verdict | Promise<Verdict>;
}

export const ACCEPT: Verdict = { kind: 'accept' };
