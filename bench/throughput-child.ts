import { serve } from './support/child.js';
import type { Sizes } from './support/sizes.js';
import { benchThroughput } from './throughput.js';

/** The throughput benchmark in a process of its own, started with the node flags its parent chose. */
serve(async (request) => {
  const { type, sizes } = request as { type: string; sizes: Sizes['throughput'] };
  if (type === 'run') return benchThroughput(sizes);
  process.exit(0);
});
process.send?.({ ready: true });
