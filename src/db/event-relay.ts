import { randomUUID } from 'node:crypto';
import type { DomainEvents, EventBus } from '../lib/events.ts';
import type { Db } from './connection.ts';

const CHANNEL = 'warta_events';

/**
 * Carries domain events between the processes that share a PostgreSQL
 * database: every event emitted here is announced over LISTEN/NOTIFY, and an
 * event from another process runs this process's every-process listeners
 * (its caches), so a publish on one process is visible on all within moments.
 * Once-only work stays with the process where the event happened. SQLite has
 * no relay: it serves from one process. Resolves with a stop function.
 */
export async function startEventRelay(
  db: Db,
  events: EventBus,
  onError: (err: unknown) => void = () => {},
): Promise<() => Promise<void>> {
  const pubsub = db.pubsub;
  if (!pubsub) return async () => {};
  const origin = randomUUID();
  const stop = await pubsub.subscribe(CHANNEL, (message) => {
    let parsed: { origin?: string; event?: keyof DomainEvents; payload?: unknown };
    try {
      parsed = JSON.parse(message);
    } catch (err) {
      onError(err);
      return;
    }
    if (parsed.origin === origin || !parsed.event) return;
    void events
      .receive(parsed.event, parsed.payload as DomainEvents[typeof parsed.event])
      .catch(onError);
  });
  events.relayTo((event, payload) => {
    pubsub.publish(CHANNEL, JSON.stringify({ origin, event, payload })).catch(onError);
  });
  return stop;
}
