import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { EngineMetrics } from '../engine/deps.js';
import type { Route } from './server.js';

/** Prometheus metrics of one process: what the engine reports, and Node's own (memory, event loop). */
export function createMetrics(): { engine: EngineMetrics; route: Route; registry: Registry } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gatehouse_' });
  const updates = new Counter({
    name: 'gatehouse_updates_total',
    help: 'Updates handled, by platform and outcome (ok, or failed: the person got an apology).',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'gatehouse_update_duration_seconds',
    help: 'Time to handle one update, from its arrival in the engine to its replies.',
    labelNames: ['platform'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const transitions = new Counter({
    name: 'gatehouse_flow_transitions_total',
    help: 'Flow steps taken, by flow.',
    labelNames: ['flow'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'gatehouse_errors_total',
    help: 'Internal errors, by where they happened.',
    labelNames: ['where'],
    registers: [registry],
  });
  return {
    registry,
    engine: {
      updateHandled(platform, outcome, seconds) {
        updates.inc({ platform, outcome });
        latency.observe({ platform }, seconds);
      },
      flowTransition(flow) {
        transitions.inc({ flow });
      },
      failed(where) {
        errors.inc({ where });
      },
    },
    route: async (req, res) => {
      if (req.method !== 'GET' || req.url !== '/metrics') return false;
      res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
      return true;
    },
  };
}
