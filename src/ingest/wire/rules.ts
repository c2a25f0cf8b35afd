import type { Block, TextRun } from '../../content/blocks.ts';
import type { WireItem } from './wire-item.ts';

/**
 * A source's text rules, applied to every item before it is stored: plain
 * find-and-replace (no regular expressions, so an admin's rule can never hang
 * the poller) and boilerplate lines to strip ("Baca juga", "(ant)").
 */
export interface WireRules {
  replace: { find: string; replace: string }[];
  /** A paragraph starting with one of these is removed; one ending with it loses that tail. */
  strip: string[];
}

export const EMPTY_RULES: WireRules = { replace: [], strip: [] };
export const MAX_RULES = 50;

/** Reads the stored JSON leniently: anything malformed counts as no rule. */
export function parseRules(json: string): WireRules {
  try {
    const v = JSON.parse(json) as Partial<WireRules>;
    return {
      replace: (Array.isArray(v.replace) ? v.replace : [])
        .filter((r) => r && typeof r.find === 'string' && r.find && typeof r.replace === 'string')
        .slice(0, MAX_RULES),
      strip: (Array.isArray(v.strip) ? v.strip : [])
        .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
        .slice(0, MAX_RULES),
    };
  } catch {
    return EMPTY_RULES;
  }
}

/** Parses the form's textareas: "find => replace" per line, and one boilerplate start per line. */
export function rulesFromForm(replaceText: string, stripText: string): WireRules {
  const replace = replaceText
    .split(/\r?\n/)
    .map((line) => line.split('=>'))
    .filter((p) => p.length === 2 && (p[0] ?? '').trim() !== '')
    .map(([find, replace]) => ({ find: (find ?? '').trim(), replace: (replace ?? '').trim() }))
    .slice(0, MAX_RULES);
  const strip = stripText
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_RULES);
  return { replace, strip };
}

/** The form's textarea text for stored rules (inverse of rulesFromForm). */
export function rulesToForm(rules: WireRules): { replace: string; strip: string } {
  return {
    replace: rules.replace.map((r) => `${r.find} => ${r.replace}`).join('\n'),
    strip: rules.strip.join('\n'),
  };
}

function replaceAll(text: string, rules: WireRules): string {
  let out = text;
  for (const r of rules.replace) out = out.split(r.find).join(r.replace);
  return out;
}

function runsText(runs: TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

function stripTail(runs: TextRun[], tail: string): TextRun[] {
  const text = runsText(runs).trimEnd();
  const lower = text.toLowerCase();
  const t = tail.toLowerCase();
  // "(ant)" also matches "(ant/abc)" and "(Ant/Xyz/)"
  const bare = t.endsWith(')') ? t.slice(0, -1) : t;
  const at = lower.lastIndexOf(bare);
  if (at < 0) return runs;
  const rest = lower.slice(at + bare.length);
  if (!(rest === '' || (t.endsWith(')') && /^[^()]{0,40}\)$/.test(rest)))) return runs;
  let keep = at;
  const out: TextRun[] = [];
  for (const r of runs) {
    if (keep <= 0) break;
    out.push({ ...r, text: r.text.slice(0, keep) });
    keep -= r.text.length;
  }
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((r) => r.text.length > 0);
}

/** Applies the rules to an item's headline and body; returns a new item. */
export function applyRules(item: WireItem, rules: WireRules): WireItem {
  if (rules.replace.length === 0 && rules.strip.length === 0) return item;
  const starts = rules.strip.map((s) => s.toLowerCase());
  const blocks: Block[] = [];
  for (const b of item.blocks) {
    if (b.type === 'paragraph') {
      let content = b.content.map((r) => ({ ...r, text: replaceAll(r.text, rules) }));
      const text = runsText(content).trim().toLowerCase();
      if (starts.some((s) => text.startsWith(s))) continue;
      for (const s of rules.strip) content = stripTail(content, s);
      if (runsText(content).trim() === '') continue;
      blocks.push({ ...b, content });
    } else if (b.type === 'heading' || b.type === 'quote') {
      const text = replaceAll(b.text, rules);
      if (starts.some((s) => text.trim().toLowerCase().startsWith(s))) continue;
      blocks.push({ ...b, text });
    } else if (b.type === 'list') {
      blocks.push({
        ...b,
        items: b.items.map((runs) => runs.map((r) => ({ ...r, text: replaceAll(r.text, rules) }))),
      });
    } else blocks.push(b);
  }
  return { ...item, headline: replaceAll(item.headline, rules), blocks };
}
