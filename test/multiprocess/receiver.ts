import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.ts';
import { createEndpoint, type WebhookEvent } from '../../src/webhooks/webhooks.ts';
import type { Cluster } from './harness.ts';
import { SECRET_KEY } from './harness.ts';

/**
 * A webhook receiver on loopback that records every delivery the processes
 * make: which delivery (Warta-Webhook-Id), its body, whether it was answered
 * or cut off. It answers 200 at once, or holds requests unanswered while
 * `hold` is on, so a test can catch a process in the middle of a job.
 */

export interface Received {
  deliveryId: number;
  body: Record<string, unknown>;
  arrivedAt: number;
  /** 'held' until answered or until the sender's connection closed under it. */
  outcome: 'held' | 'answered' | 'cut-off';
  answer: () => void;
}

export async function startReceiver() {
  const received: Received[] = [];
  let hold = false;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        deliveryId: Number(req.headers['warta-webhook-id']),
        body: JSON.parse(Buffer.concat(chunks).toString() || '{}'),
        arrivedAt: Date.now(),
        outcome: 'held',
        answer: () => {
          if (r.outcome !== 'held') return;
          r.outcome = 'answered';
          res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        },
      };
      // The sender went away (killed) before it had its answer.
      res.on('close', () => {
        if (r.outcome === 'held') r.outcome = 'cut-off';
      });
      received.push(r);
      if (!hold) r.answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** Holds every request from now on until `release()`. */
    holdAll() {
      hold = true;
    },
    /** Answers every held request and every later one at once. */
    release() {
      hold = false;
      for (const r of received) r.answer();
    },
    /** How many times each delivery was answered 200. */
    answeredPerDelivery(): Map<number, number> {
      const out = new Map<number, number>();
      for (const r of received)
        if (r.outcome === 'answered') out.set(r.deliveryId, (out.get(r.deliveryId) ?? 0) + 1);
      return out;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Subscribes the receiver to events, as an admin would (loopback needs the explicit permission). */
export async function subscribe(
  c: Pick<Cluster, 'db' | 'databaseUrl'>,
  url: string,
  events: WebhookEvent[],
) {
  // The processes' key seals the endpoint's signing secret, so they can unseal it.
  const config = loadConfig({}, { databaseUrl: c.databaseUrl, secretKey: SECRET_KEY });
  return createEndpoint(c.db, config, { url, events, allowPrivate: true, createdBy: null });
}
