import { Child } from './support/child.js';
import { imageNodeFlags } from './support/image.js';
import type { Sizes } from './support/sizes.js';

/** The figures of the throughput benchmark that are read again under the image's node flags. */
const KEPT = [
  'throughput_agents_ups',
  'floor_ups',
  'agents_over_floor',
  'latency_agents_p99_ms',
  'latency_floor_p99_ms_same_rate',
] as const;

/**
 * The throughput benchmark again, in a process started with the node flags of the image's CMD (the
 * Dockerfile's), since production runs with them and they trade speed for memory: a young generation
 * of 2 MB, which `rss_mb_10k_conversations` is measured with, scavenges several times as often as
 * node's default. The floor runs in that process too, so the ratio compares like with like.
 */
export async function benchThroughputImageFlags(sizes: Sizes['throughput']): Promise<Record<string, number>> {
  const child = new Child<Record<string, number>>('throughput-child.ts', {}, imageNodeFlags());
  try {
    await child.ask(undefined);
    const figures = await child.ask({ type: 'run', sizes });
    return Object.fromEntries(KEPT.map((key) => [`${key}_image_flags`, figures[key]!]));
  } finally {
    await child.stop();
  }
}
