// Prometheus metrics (prom-client), and the adapter that lets the relay report
// to them without knowing Prometheus exists.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RelayMetrics } from './relay/types.ts';

export interface Metrics {
  registry: Registry;
  relay: RelayMetrics;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hindsight_process_' });
  const connections = new Gauge({
    name: 'hindsight_connections',
    help: 'Open sync connections',
    registers: [registry],
  });
  const rooms = new Gauge({
    name: 'hindsight_rooms_loaded',
    help: 'Review documents loaded in memory',
    registers: [registry],
  });
  const relayed = new Counter({
    name: 'hindsight_updates_relayed_total',
    help: 'Document updates committed and relayed',
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'hindsight_update_deliveries_total',
    help: 'Update messages sent to other clients',
    registers: [registry],
  });
  const append = new Histogram({
    name: 'hindsight_store_append_seconds',
    help: 'Time from receiving an update to its durable commit',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const rejected = new Counter({
    name: 'hindsight_messages_rejected_total',
    help: 'Messages dropped or connections closed for bad input or limits',
    labelNames: ['reason'],
    registers: [registry],
  });
  return {
    registry,
    relay: {
      connectionOpened: () => connections.inc(),
      connectionClosed: () => connections.dec(),
      roomLoaded: () => rooms.inc(),
      roomUnloaded: () => rooms.dec(),
      updatesRelayed: (updates, n) => {
        relayed.inc(updates);
        deliveries.inc(n);
      },
      appendSeconds: (s) => append.observe(s),
      messageRejected: (reason) => rejected.inc({ reason }),
    },
  };
}
