import { isDisposableEmail } from '../disposable.ts';
import { ACCEPT, type Phase } from './types.ts';

/** A disposable email domain holds the comment for an editor. */
export const disposableCheck: Phase = {
  name: 'disposable-email',
  run(c) {
    return isDisposableEmail(c.email) ? { kind: 'hold', reason: 'disposable-email' } : ACCEPT;
  },
};
