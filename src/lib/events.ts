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
  /** Site settings changed (`comments`: the comment settings, shown on every article page). */
  'settings.changed': { scope: 'comments' };
  /** The home page's lead story was set or cleared (null). */
  'home.lead.changed': { articleId: number | null };
  /** An editor kept a section or an article out of the Google News sitemap, or let it back in. */
  'news.sitemap.changed': Record<string, never>;
}

type Listener<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => void | Promise<void>;

export class EventBus {
  private listeners = new Map<keyof DomainEvents, Listener<keyof DomainEvents>[]>();

  constructor(private readonly onError: (err: unknown, event: string) => void = () => {}) {}

  /** Registers a listener; returns a function that removes it. */
  on<K extends keyof DomainEvents>(event: K, listener: Listener<K>): () => void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as Listener<keyof DomainEvents>);
    this.listeners.set(event, list);
    return () => {
      const current = this.listeners.get(event) ?? [];
      this.listeners.set(
        event,
        current.filter((l) => l !== listener),
      );
    };
  }

  /** Runs every listener of the event; resolves when all have finished. */
  async emit<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): Promise<void> {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        await listener(payload);
      } catch (err) {
        this.onError(err, event);
      }
    }
  }
}
