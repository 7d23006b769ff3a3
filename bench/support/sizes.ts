/** How big each benchmark runs: quick (the default, under 5 minutes on 2 cores) or `--full`. */
export interface Sizes {
  mode: 'quick' | 'full';
  throughput: {
    members: number;
    warmup: number;
    updates: number;
    concurrency: number;
    latencySeconds: number;
  };
  slack: { members: number; warmup: number; updates: number; concurrency: number };
  stepCost: { warmup: number; dialogues: number; steps: number };
  claims: { claims: number; concurrency: number };
  scale: { iterations: number };
  rss: { conversations: number };
  twoProcess: { updates: number; inFlight: number };
  startup: { starts: number };
}

export function sizesFor(full: boolean): Sizes {
  return full
    ? {
        mode: 'full',
        throughput: { members: 1000, warmup: 5_000, updates: 100_000, concurrency: 64, latencySeconds: 30 },
        slack: { members: 1000, warmup: 1_000, updates: 20_000, concurrency: 32 },
        stepCost: { warmup: 3, dialogues: 60, steps: 50 },
        claims: { claims: 1_000, concurrency: 4 },
        scale: { iterations: 1_000 },
        rss: { conversations: 10_000 },
        twoProcess: { updates: 2_000, inFlight: 32 },
        startup: { starts: 7 },
      }
    : {
        mode: 'quick',
        throughput: { members: 256, warmup: 2_000, updates: 20_000, concurrency: 64, latencySeconds: 6 },
        slack: { members: 256, warmup: 400, updates: 4_000, concurrency: 32 },
        stepCost: { warmup: 2, dialogues: 20, steps: 50 },
        claims: { claims: 200, concurrency: 4 },
        scale: { iterations: 200 },
        rss: { conversations: 10_000 },
        twoProcess: { updates: 300, inFlight: 16 },
        startup: { starts: 3 },
      };
}
