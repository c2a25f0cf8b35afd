import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * Node's process metrics (CPU, memory, event loop lag, GC, handles), which
 * belong to the process, not to an app: one registry per process, made with
 * the first app's metrics. prom-client's collectors start a GC observer and an event-loop
 * monitor that are never stopped, so making them per app would leak one set
 * per app built (tests build hundreds in one process).
 */
let registry: Registry | undefined;

export function processMetrics(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
