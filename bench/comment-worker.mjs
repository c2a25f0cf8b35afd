// Load generator for bench/comments.ts, in its own thread so the client's work
// does not share the server's event loop. Bounded: sends exactly the requests given.
import { parentPort, workerData } from 'node:worker_threads';

const { base, requests, concurrency } = workerData;
const results = new Array(requests.length);
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < requests.length) {
      const i = next++;
      const r = requests[i];
      const t = performance.now();
      const res = await fetch(`${base}${r.path}`, {
        method: r.body ? 'POST' : 'GET',
        headers: r.body
          ? {
              'content-type': 'application/json',
              accept: 'application/json',
              'x-forwarded-for': r.ip,
            }
          : { 'accept-encoding': 'gzip' },
        body: r.body,
      });
      const text = await res.text();
      let id = null;
      if (r.body && res.status >= 200 && res.status < 300) id = JSON.parse(text).id;
      results[i] = { status: res.status, id, ms: performance.now() - t };
    }
  }),
);
parentPort.postMessage({ results, seconds: (performance.now() - started) / 1000 });
