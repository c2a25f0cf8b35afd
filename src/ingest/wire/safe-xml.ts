import { SaxesParser } from 'saxes';

/**
 * A small, safe XML reader for agency feeds: saxes underneath, a document
 * type declaration (and so any entity definition, external or recursive) is
 * refused outright, only the five predefined entities and character
 * references are understood, and the input size, element count and nesting
 * depth are capped. What comes out is a plain element tree.
 */

export interface XmlElement {
  /** Local name, lowercased, without the namespace prefix ("encoded" for content:encoded). */
  name: string;
  /** The name as written, with its prefix ("content:encoded"). */
  qname: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text, concatenated. */
  text: string;
  /** Children and text in document order (mixed content such as XHTML bodies). */
  nodes: (XmlElement | string)[];
}

export class XmlRefused extends Error {
  constructor(
    readonly reason: 'doctype' | 'invalid' | 'too-deep' | 'too-many' | 'too-large',
    detail = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'XmlRefused';
  }
}

const MAX_DEPTH = 64;
const MAX_ELEMENTS = 200_000;
const MAX_CHARS = 16 * 1024 * 1024;

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return (i === -1 ? qname : qname.slice(i + 1)).toLowerCase();
}

/** Parses a whole document into a tree; throws XmlRefused for DTDs, malformed XML or limits. */
export function parseXml(input: string): XmlElement {
  if (input.length > MAX_CHARS) throw new XmlRefused('too-large');
  const parser = new SaxesParser({ xmlns: false, position: false });
  const root: XmlElement = {
    name: '#document',
    qname: '#document',
    attrs: {},
    children: [],
    text: '',
    nodes: [],
  };
  const stack: XmlElement[] = [root];
  let count = 0;
  let failure: Error | null = null;
  parser.on('doctype', () => {
    throw new XmlRefused('doctype');
  });
  parser.on('error', (err) => {
    throw new XmlRefused('invalid', err.message.slice(0, 200));
  });
  parser.on('opentag', (tag) => {
    if (++count > MAX_ELEMENTS) throw new XmlRefused('too-many');
    if (stack.length > MAX_DEPTH) throw new XmlRefused('too-deep');
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k.toLowerCase()] = String(v);
    const el: XmlElement = {
      name: localName(tag.name),
      qname: tag.name,
      attrs,
      children: [],
      text: '',
      nodes: [],
    };
    const parent = stack[stack.length - 1] as XmlElement;
    parent.children.push(el);
    parent.nodes.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1] as XmlElement;
    top.text += t;
    top.nodes.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(input).close();
  } catch (err) {
    failure =
      err instanceof XmlRefused
        ? err
        : new XmlRefused('invalid', String((err as Error).message).slice(0, 200));
  }
  if (failure) throw failure;
  if (root.children.length !== 1) throw new XmlRefused('invalid', 'no root element');
  return root.children[0] as XmlElement;
}

/** Direct children with this local name. */
export function kids(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The first direct child with this local name (optionally this exact qualified name). */
export function kid(
  el: XmlElement | undefined,
  name: string,
  qname?: string,
): XmlElement | undefined {
  return el?.children.find((c) => c.name === name && (!qname || c.qname.toLowerCase() === qname));
}

/** The first descendant with this local name, depth first. */
export function find(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) {
    if (c.name === name) return c;
    const deep = find(c, name);
    if (deep) return deep;
  }
  return undefined;
}

/** All text inside an element, children included, in document order. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  if (el.children.length === 0) return el.text;
  return el.nodes.map((n) => (typeof n === 'string' ? n : textOf(n))).join('');
}

/** Serialises an element's children back to markup (XHTML bodies in Atom and NewsML), escaped. */
export function innerXml(el: XmlElement): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const out: string[] = [];
  for (const c of el.nodes) {
    if (typeof c === 'string') {
      out.push(esc(c));
      continue;
    }
    const attrs = Object.entries(c.attrs)
      .map(([k, v]) => ` ${k}="${esc(v).replace(/"/g, '&quot;')}"`)
      .join('');
    out.push(`<${c.name}${attrs}>${innerXml(c)}</${c.name}>`);
  }
  return out.join('');
}
