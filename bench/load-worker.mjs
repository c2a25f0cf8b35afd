// Load generator for bench/pages.ts, in its own thread so the client's work does
// not share the server's event loop. Bounded: sends exactly `requests` GETs.
import { parentPort, workerData } from 'node:worker_threads';

const { url, requests, concurrency } = workerData;
const warm = Math.min(200, Math.floor(requests / 10));
for (let i = 0; i < warm; i++) await (await fetch(url)).arrayBuffer();
const latencies = [];
let next = 0;
let failed = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < requests) {
      next++;
      const t = performance.now();
      const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      await res.arrayBuffer();
      if (res.status !== 200) failed++;
      latencies.push(performance.now() - t);
    }
  }),
);
parentPort.postMessage({ latencies, seconds: (performance.now() - started) / 1000, failed });
