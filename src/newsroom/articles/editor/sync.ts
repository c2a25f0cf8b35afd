/**
 * Nothing is lost: the editor's text goes to localStorage on every change and
 * to the server every few seconds (autosave, version-checked). A dropped
 * connection or an expired session keeps the text and says so; after the next
 * login the page offers the unsaved local copy back. The lock heartbeat tells
 * the writer at once when someone else took the article over.
 */

import type { EditorStrings } from '../messages.ts';

export interface SyncOptions {
  id: number;
  version: number;
  csrf: string;
  autosaveMs: number;
  heartbeatMs: number;
  urls: { save: string; autosave: string; lock: string; login: string };
  strings: EditorStrings;
  /** The payload to send: every form field plus the body as Block[]. */
  collect: () => Record<string, unknown>;
  /** The editor document, kept with the local copy so a restore is exact. */
  doc: () => unknown;
  onVersion: (version: number, slug: string) => void;
}

export interface LocalCopy {
  savedAt: number;
  payload: Record<string, unknown>;
  doc: unknown;
}

type Outcome = 'ok' | 'offline' | 'expired' | 'refused';

const banner = () => document.getElementById('nr-banner');
const statusLine = () => document.getElementById('nr-save-status');

/** Shows (or clears) the page's sticky banner; `action` adds a link or button. */
export function showBanner(
  text: string,
  kind: 'warn' | 'error' | 'ok' | '' = 'warn',
  action?: HTMLElement,
): void {
  const b = banner();
  if (!b) return;
  b.replaceChildren();
  b.className = kind ? `nr-banner notice ${kind}` : 'nr-banner';
  if (!text) return;
  const p = document.createElement('p');
  p.textContent = text;
  b.append(p);
  if (action) b.append(action);
}

function timeNow(): string {
  const d = new Date();
  return `${String(d.getHours()).padStart(2, '0')}.${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The autosave loop, local copy and lock heartbeat for one article. */
export class Sync {
  private version: number;
  private dirty = false;
  private changes = 0;
  private inFlight: Promise<Outcome> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private localTimer: ReturnType<typeof setTimeout> | undefined;
  /** Autosave stops after a refusal (stale, locked, expired) until the page is reloaded. */
  private paused = false;
  private readonly key: string;

  constructor(private readonly o: SyncOptions) {
    this.version = o.version;
    this.key = `warta:artikel:${o.id}`;
    window.addEventListener('online', () => {
      if (this.dirty && !this.paused) void this.save('autosave');
    });
  }

  /** The unsaved copy this browser holds for the article, if any. */
  localCopy(): LocalCopy | null {
    try {
      const raw = localStorage.getItem(this.key);
      return raw ? (JSON.parse(raw) as LocalCopy) : null;
    } catch {
      return null;
    }
  }

  discardLocal(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      /* storage unavailable: nothing to discard */
    }
  }

  private writeLocal(): void {
    try {
      const copy: LocalCopy = { savedAt: Date.now(), payload: this.o.collect(), doc: this.o.doc() };
      localStorage.setItem(this.key, JSON.stringify(copy));
    } catch {
      /* quota or privacy mode: the server copy still happens */
    }
  }

  /** Called on every edit: local copy soon, server copy within autosaveMs. */
  changed(): void {
    this.dirty = true;
    this.changes++;
    const line = statusLine();
    if (line && !this.inFlight) line.textContent = this.o.strings.unsaved;
    if (this.localTimer) clearTimeout(this.localTimer);
    this.localTimer = setTimeout(() => this.writeLocal(), 300);
    if (!this.timer && !this.paused) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.save('autosave');
      }, this.o.autosaveMs);
    }
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /** Sends the current text; resolves with what happened (the banner already says it). */
  save(kind: 'save' | 'autosave'): Promise<Outcome> {
    if (this.inFlight) return this.inFlight.then(() => this.save(kind));
    this.inFlight = this.send(kind).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async send(kind: 'save' | 'autosave'): Promise<Outcome> {
    const s = this.o.strings;
    const sentAt = this.changes;
    // The copy written now holds every change so far; a pending delayed write
    // would otherwise land after a successful save and leave a stale copy behind.
    clearTimeout(this.localTimer);
    this.writeLocal();
    const line = statusLine();
    if (line) line.textContent = s.saving;
    let res: Response;
    try {
      res = await fetch(kind === 'save' ? this.o.urls.save : this.o.urls.autosave, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': this.o.csrf,
        },
        body: JSON.stringify({ ...this.o.collect(), version: this.version }),
      });
    } catch {
      showBanner(s.offline, 'warn');
      if (line) line.textContent = s.unsaved;
      setTimeout(() => {
        if (this.dirty && !this.paused) void this.save('autosave');
      }, 15_000);
      return 'offline';
    }
    const data = (await res.json().catch(() => ({}))) as {
      version?: number;
      slug?: string;
      error?: { code: string; message: string; fields?: Record<string, string> };
    };
    if (res.ok && typeof data.version === 'number') {
      this.version = data.version;
      this.o.onVersion(data.version, data.slug ?? '');
      if (this.changes === sentAt) {
        this.dirty = false;
        this.discardLocal();
      }
      showBanner('', '');
      if (line)
        line.textContent =
          kind === 'save' ? `${s.saved} ${timeNow()}` : s.savedAt.replace('{time}', timeNow());
      return 'ok';
    }
    if (res.status === 401) {
      this.paused = true;
      const a = document.createElement('a');
      a.href = this.o.urls.login;
      a.className = 'btn small';
      a.textContent = s.loginAgain;
      showBanner(s.expired, 'error', a);
      if (line) line.textContent = s.unsaved;
      return 'expired';
    }
    const message = data.error?.message ?? s.failed;
    const fields = data.error?.fields ? Object.values(data.error.fields) : [];
    if (res.status === 409 || res.status === 403) this.paused = true;
    showBanner([message, ...fields].join(' '), 'error');
    if (line) line.textContent = s.failed;
    return 'refused';
  }

  /** Starts the lock heartbeat; on losing the lock, says who has it and stops saving. */
  startHeartbeat(): void {
    setInterval(async () => {
      try {
        const res = await fetch(this.o.urls.lock, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { accept: 'application/json', 'x-csrf-token': this.o.csrf },
        });
        if (res.status === 401) return;
        const data = (await res.json()) as { held?: boolean; holder?: { name: string } };
        if (data.held === false) {
          this.paused = true;
          this.writeLocal();
          showBanner(`${this.o.strings.lockLost} (${data.holder?.name ?? ''})`, 'error');
        }
      } catch {
        /* offline: the autosave banner already says so */
      }
    }, this.o.heartbeatMs);
  }
}
