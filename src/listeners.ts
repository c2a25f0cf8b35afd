import { wireComments } from './comments/notify.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import { wireSearchIndexing } from './discovery/indexing.ts';
import { wireRelated } from './discovery/related-store.ts';
import type { EventBus } from './lib/events.ts';
import { wireMediaPublication } from './media/publication.ts';
import { wireReadCaches } from './site/read-cache.ts';

/**
 * Wires every capability's listeners to the domain events, in one place, so the
 * server, the CLI (demo, import) and tests react to publishing the same way.
 */
export function wireListeners(events: EventBus, db: Db, config: Config): void {
  void events;
  void db;
  void config;
  wireRelated(events, db);
  wireSearchIndexing(events, db);
  wireComments(events, db, config);
  wireReadCaches(events, db);
  wireMediaPublication(events, db);
}
