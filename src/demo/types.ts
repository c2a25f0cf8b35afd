import type { Block } from '../content/blocks.ts';

/** A section of the demo newspaper; `parent` names another section's slug. */
export interface DemoSection {
  slug: string;
  name: string;
  parent?: string;
  description: string;
}

/** A person who writes or edits for the demo paper (need not be a staff account). */
export interface DemoPerson {
  slug: string;
  name: string;
  /** Short initials used in the byline line, e.g. "Ayu". */
  initials: string;
  title: string;
  bio: string;
}

/** How the generated placeholder photo for a story looks (drawn from SVG with sharp). */
export interface DemoScene {
  /** One of the motifs the image generator knows how to draw. */
  motif:
    | 'sea'
    | 'rice-field'
    | 'city'
    | 'temple'
    | 'market'
    | 'stadium'
    | 'mountain'
    | 'stage'
    | 'meeting'
    | 'harbor'
    | 'road'
    | 'forest';
  /** Time of day, changes the palette. */
  light: 'morning' | 'noon' | 'dusk' | 'night';
}

export interface DemoStory {
  /** Unique key, used for pins between demo stories. */
  key: string;
  section: string;
  headline: string;
  deck: string;
  /** Dateline place as written in capitals, e.g. "DENPASAR". */
  dateline: string;
  /** Wire / source credit, e.g. "Antara", or null for own reporting. */
  source: string | null;
  /** Byline initials line printed at the end of the body, e.g. "Ayu/Warta". */
  initials: string;
  /** Slugs of people in DEMO_PEOPLE. */
  bylines: string[];
  tags: string[];
  image: {
    caption: string;
    credit: string;
    /** True when the photo is an archive photo ("Arsip"). */
    archive: boolean;
    alt: string;
    scene: DemoScene;
  };
  blocks: Block[];
  /** Published this many hours before the demo runs. */
  hoursAgo: number;
  /** Edited this many hours before the demo runs (must be < hoursAgo). */
  updatedHoursAgo?: number;
  /** Editor's "Baca juga" pins: keys of other demo stories. */
  pins?: string[];
}
