import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** How many forms of one object are kept: a handful at most; one object never collects many. */
const MAX_FORMS = 8;

/**
 * HTML drawn once per object the read caches hand out and per form (a string
 * of everything else the drawing shows: language, zone, site, links, counts),
 * then reused. The read caches hand out the same object until it changes, so
 * an edit makes a new object and draws anew; the `WeakMap` lets a dropped
 * object's drawings go with it. Cards, article bodies and stories use it.
 */
export class DrawnOnce<K extends object> {
  private readonly drawn = new WeakMap<K, Map<string, string>>();

  /** The HTML of `draw()` for this object and form, rendered on first use (preact's escaped output). */
  html(owner: K, form: string, draw: () => VNode): string {
    let forms = this.drawn.get(owner);
    if (!forms) {
      forms = new Map();
      this.drawn.set(owner, forms);
    }
    let html = forms.get(form);
    if (html === undefined) {
      html = renderToString(draw());
      if (forms.size >= MAX_FORMS) forms.clear();
      forms.set(form, html);
    }
    return html;
  }
}
