import { STORIES_1 } from './stories-1.ts';
import { STORIES_2 } from './stories-2.ts';
import { STORIES_3 } from './stories-3.ts';
import type { DemoStory } from './types.ts';

/** Every demo story, written by us in Indonesian; never copied from a real outlet. */
export const DEMO_STORIES: DemoStory[] = [...STORIES_1, ...STORIES_2, ...STORIES_3];
