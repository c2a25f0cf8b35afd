import { modeFor } from '../settings.ts';
import { ACCEPT, type Phase } from './types.ts';

/** Pre-moderation (site-wide or for the article's section) holds every comment. */
export const modeCheck: Phase = {
  name: 'mode',
  run(c, env) {
    return modeFor(env.settings, c.sectionIds) === 'pre'
      ? { kind: 'hold', reason: 'pre-moderation' }
      : ACCEPT;
  },
};
