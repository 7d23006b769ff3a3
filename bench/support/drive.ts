import type { Update } from 'grammy/types';
import { pool } from './stats.js';

/** Anything that takes updates the way a webhook hands them over. */
export interface UpdateSink {
  handleUpdate(update: Update): Promise<void>;
}

/** Feeds `total` updates with `concurrency` in flight; returns updates per second. */
export async function closedLoop(
  bot: UpdateSink,
  make: (i: number) => Update,
  total: number,
  concurrency: number,
): Promise<number> {
  const start = performance.now();
  await pool(total, concurrency, (i) => bot.handleUpdate(make(i)));
  return total / ((performance.now() - start) / 1000);
}

/**
 * Open-loop arrivals at `rate` per second for `seconds`: each update is due at a fixed time whether
 * or not earlier ones have finished, and its latency counts from that time (queueing included).
 */
export async function pacedLatencies(
  bot: UpdateSink,
  make: (i: number) => Update,
  rate: number,
  seconds: number,
): Promise<number[]> {
  const total = Math.max(1, Math.round(rate * seconds));
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    while (sent < total && start + (sent / rate) * 1000 <= now) {
      const due = start + (sent / rate) * 1000;
      pending.push(bot.handleUpdate(make(sent)).then(() => void latencies.push(performance.now() - due)));
      sent += 1;
    }
    const wait = start + (sent / rate) * 1000 - performance.now();
    await new Promise((resolve) =>
      wait > 1 ? setTimeout(resolve, Math.floor(wait)) : setImmediate(resolve),
    );
  }
  await Promise.all(pending);
  return latencies;
}
