/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4),
 * for tests: every line must be a HELP, a TYPE or a sample of a family whose
 * TYPE came before it, with valid names, quoted and escaped label values and a
 * number. Throws on the first line that is not.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"\s*(,|$)/y;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES = ['_bucket', '_sum', '_count', '_total', '_created'];

function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  for (const s of SUFFIXES) {
    if (name.endsWith(s) && types.has(name.slice(0, -s.length))) return name.slice(0, -s.length);
  }
  return undefined;
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const m = LABEL.exec(text);
    if (!m || m.index !== start) throw new Error(`bad labels: ${line}`);
    const [, key = '', raw = ''] = m;
    if (key in labels) throw new Error(`repeated label ${key}: ${line}`);
    labels[key] = raw.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    if (m[3] === '') break;
  }
  return labels;
}

export function parsePrometheusText(text: string): Sample[] {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) {
      const [, kind, name = '', rest = ''] = meta;
      if (!NAME.test(name)) throw new Error(`bad metric name: ${line}`);
      if (kind === 'TYPE') {
        if (types.has(name)) throw new Error(`TYPE given twice: ${line}`);
        if (!TYPES.has(rest)) throw new Error(`unknown type: ${line}`);
        types.set(name, rest);
      } else {
        if (helped.has(name)) throw new Error(`HELP given twice: ${line}`);
        helped.add(name);
      }
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/.exec(line);
    if (!m) throw new Error(`bad sample line: ${line}`);
    const [, name = '', labelText, valueText = ''] = m;
    if (!familyOf(name, types)) throw new Error(`sample before its TYPE: ${line}`);
    // Prometheus reads values with Go's ParseFloat: NaN and Inf in any case (prom-client writes "Nan").
    const special = /^([+-]?)(inf|infinity|nan)$/i.exec(valueText);
    const value = special
      ? special[2]?.toLowerCase() === 'nan'
        ? Number.NaN
        : special[1] === '-'
          ? Number.NEGATIVE_INFINITY
          : Number.POSITIVE_INFINITY
      : Number(valueText);
    if (Number.isNaN(value) && !special) throw new Error(`bad value: ${line}`);
    const labels = labelText ? parseLabels(labelText, line) : {};
    const id = `${name}{${Object.entries(labels)
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}}`;
    if (seen.has(id)) throw new Error(`repeated sample: ${line}`);
    seen.add(id);
    samples.push({ name, labels, value });
  }
  return samples;
}
