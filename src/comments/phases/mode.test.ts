import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import { modeCheck } from './mode.ts';
import { candidate, env } from './phase-kit.ts';

describe('moderation mode', () => {
  const run = (settings: Partial<typeof DEFAULT_SETTINGS>, sectionIds = [5, 1]) =>
    modeCheck.run(
      candidate({ sectionIds }),
      env(null, { settings: { ...DEFAULT_SETTINGS, ...settings } }),
    );
  it('post-moderation accepts, pre-moderation holds', () => {
    expect(run({ mode: 'post' })).toEqual({ kind: 'accept' });
    expect(run({ mode: 'pre' })).toEqual({ kind: 'hold', reason: 'pre-moderation' });
  });
  it('a section (or its parent) overrides the site', () => {
    expect(run({ mode: 'post', sectionModes: { '1': 'pre' } })).toMatchObject({ kind: 'hold' });
    expect(run({ mode: 'pre', sectionModes: { '5': 'post' } })).toEqual({ kind: 'accept' });
  });
});
