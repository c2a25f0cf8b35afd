// sastrawijs ships types, but its package.json "exports" hides them from NodeNext resolution.
declare module 'sastrawijs' {
  /** Dictionary-based Indonesian stemmer (Sastrawi port). */
  export class Stemmer {
    constructor(dictionary?: string[]);
    stem(word: string): string;
    /** Whether `word` is a root word of the dictionary. */
    find(word: string): boolean;
  }
}
