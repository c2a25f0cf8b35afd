import type { Lang } from '../../lib/i18n.ts';
import { type ReasonCode, wordpressMessages } from './messages.ts';

/**
 * The import's report: one entry per skipped or changed thing with its
 * reason (a catalog code and its arguments, so the newsroom page and the
 * report file read in the reader's language), and the summary table.
 */

export const KINDS = [
  'section',
  'tag',
  'person',
  'user',
  'post',
  'page',
  'media',
  'comment',
  'redirect',
] as const;
export type ImportKind = (typeof KINDS)[number];

export interface ReportEntry {
  kind: ImportKind;
  /** The WordPress id (or URL for an image). */
  wpId: string;
  code: ReasonCode;
  args?: string[];
  /** 'skipped' and 'failed' count in the table; 'changed' entries only inform. */
  outcome: 'skipped' | 'failed' | 'changed';
}

export interface KindCounts {
  imported: number;
  skipped: number;
  failed: number;
  existing: number;
}
export type Counts = Record<ImportKind, KindCounts>;

/** Zeroed counts for every kind. */
export function emptyCounts(): Counts {
  return Object.fromEntries(
    KINDS.map((k) => [k, { imported: 0, skipped: 0, failed: 0, existing: 0 }]),
  ) as Counts;
}

/** The reason of an entry in a language. */
export function reasonText(entry: ReportEntry, lang: Lang): string {
  const r = wordpressMessages.t(lang).reasons[entry.code] as string | ((...a: string[]) => string);
  return typeof r === 'function' ? r(...(entry.args ?? [])) : r;
}

/** The summary table as fixed-width text, for the terminal and the report file. */
export function summaryTable(counts: Counts, lang: Lang): string {
  const m = wordpressMessages.t(lang);
  const head = [m.table.kind, m.table.imported, m.table.existing, m.table.skipped, m.table.failed];
  const rows = KINDS.map((k) => [
    m.kinds[k],
    String(counts[k].imported),
    String(counts[k].existing),
    String(counts[k].skipped),
    String(counts[k].failed),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The whole report as text: the table, then every entry with its reason. */
export function reportText(
  counts: Counts,
  entries: readonly ReportEntry[],
  lang: Lang,
  header: string[] = [],
): string {
  const m = wordpressMessages.t(lang);
  const lines = [...header, '', summaryTable(counts, lang), ''];
  for (const e of entries) {
    lines.push(`${m.kinds[e.kind]} ${e.wpId}\t${e.outcome}\t${reasonText(e, lang)}`);
  }
  return `${lines.join('\n')}\n`;
}
