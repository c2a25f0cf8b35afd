/**
 * Domain events: publishing code announces what happened, and the cache, search
 * index, related-articles index and sitemap listen. Emitters never import
 * their listeners. Listeners run after the emitter's work, one at a time; a
 * failing listener is logged and does not undo the event.
 */
export interface DomainEvents {
  'article.published': { articleId: number };
  'article.updated': { articleId: number };
  'article.unpublished': { articleId: number };
  'article.deleted': { articleId: number };
  /** A workflow step that is not a publish/unpublish/delete (submit, approve, schedule, return). */
  'article.workflow': { articleId: number; action: string; status: string };
  /** A comment became visible (posted under post-moderation, or approved/restored by an editor). */
  'comment.approved': { commentId: number; articleId: number };
  /** A visible comment was hidden (spam, trash, reported back to the queue, deleted). */
  'comment.hidden': { commentId: number; articleId: number };
  /** A wire item was taken as a draft (wire desk). */
  'wire.taken': { itemId: number; articleId: number };
  /** A section was created or changed (navigation, section pages, every page's menu). */
  'sections.changed': { sectionId: number };
  /**
   * Site settings changed (`comments`: the comment settings, shown on every
   * article page; `site`: name, tagline, logo, time zone… shown on every page).
   */
  'settings.changed': { scope: 'comments' | 'site' };
  /** The home page's lead story was set or cleared (null). */
  'home.lead.changed': { articleId: number | null };
  /** A library photo got a new file (same id, new files): the articles using it show it. */
  'media.replaced': { mediaId: number; articleIds: number[] };
  /** An editor kept a section or an article out of the Google News sitemap, or let it back in. */
  'news.sitemap.changed': Record<string, never>;
}

type Listener<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => void | Promise<void>;

/**
 * Listeners come in two kinds. `on`: work that must happen once, in the
 * process where the event happened (reindexing, webhooks, mail). `onEveryProcess`:
 * state each process keeps for itself (in-memory caches), which must hear an
 * event wherever it happened; with several processes, `relayTo` sends every
 * event out and `receive` runs only these listeners for an event from elsewhere.
 */
export class EventBus {
  private listeners = new Map<keyof DomainEvents, Listener<keyof DomainEvents>[]>();
  private everyProcess = new Map<keyof DomainEvents, Listener<keyof DomainEvents>[]>();
  private relay:
    | (<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]) => void)
    | undefined;

  constructor(private readonly onError: (err: unknown, event: string) => void = () => {}) {}

  /** Registers a listener run once, where the event happened; returns a function that removes it. */
  on<K extends keyof DomainEvents>(event: K, listener: Listener<K>): () => void {
    return add(this.listeners, event, listener);
  }

  /** Registers a listener run in every process (see the class comment); returns its remover. */
  onEveryProcess<K extends keyof DomainEvents>(event: K, listener: Listener<K>): () => void {
    return add(this.everyProcess, event, listener);
  }

  /** Sends every event emitted here to the other processes too (see `src/db/event-relay.ts`). */
  relayTo(send: <K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]) => void): void {
    this.relay = send;
  }

  /**
   * Runs every listener of the event; resolves when all have finished. The
   * once-only work (indexes) runs before the caches are purged, here and, by
   * the relay, in the other processes, so no cache refills from an old index.
   */
  async emit<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): Promise<void> {
    await this.run(this.listeners, event, payload);
    await this.run(this.everyProcess, event, payload);
    this.relay?.(event, payload);
  }

  /** An event that happened in another process: only the every-process listeners run. */
  async receive<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): Promise<void> {
    await this.run(this.everyProcess, event, payload);
  }

  private async run<K extends keyof DomainEvents>(
    from: Map<keyof DomainEvents, Listener<keyof DomainEvents>[]>,
    event: K,
    payload: DomainEvents[K],
  ): Promise<void> {
    for (const listener of from.get(event) ?? []) {
      try {
        await listener(payload);
      } catch (err) {
        this.onError(err, event);
      }
    }
  }
}

function add<K extends keyof DomainEvents>(
  to: Map<keyof DomainEvents, Listener<keyof DomainEvents>[]>,
  event: K,
  listener: Listener<K>,
): () => void {
  to.set(event, [...(to.get(event) ?? []), listener as Listener<keyof DomainEvents>]);
  return () => {
    to.set(
      event,
      (to.get(event) ?? []).filter((l) => l !== listener),
    );
  };
}
