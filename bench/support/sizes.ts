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

/**
 * Dialogues each side of the step benchmark runs before it is measured. A step runs more of our code
 * than any other update (the flow, XState, the session's lock and save), and V8 keeps optimizing it
 * for a while: with `--trace-opt`, 231 functions were optimized after 10 dialogues, 367 after 40 and
 * 403 after 100, each compile taking 1–17 ms. With 2, the measured dialogues still paid for those
 * compiles (our step at step 50: 1.46–1.66 ms, 1.10–1.26 ms after 40), which a process that has run
 * for a minute no longer does.
 */
const STEP_WARMUP_DIALOGUES = 40;

export function sizesFor(full: boolean): Sizes {
  return full
    ? {
        mode: 'full',
        throughput: { members: 1000, warmup: 10_000, updates: 100_000, concurrency: 64, latencySeconds: 30 },
        slack: { members: 1000, warmup: 1_000, updates: 20_000, concurrency: 32 },
        stepCost: { warmup: STEP_WARMUP_DIALOGUES, dialogues: 60, steps: 50 },
        claims: { claims: 1_000, concurrency: 4 },
        scale: { iterations: 1_000 },
        rss: { conversations: 10_000 },
        twoProcess: { updates: 2_000, inFlight: 32 },
        startup: { starts: 7 },
      }
    : {
        mode: 'quick',
        throughput: { members: 256, warmup: 10_000, updates: 20_000, concurrency: 64, latencySeconds: 6 },
        slack: { members: 256, warmup: 400, updates: 4_000, concurrency: 32 },
        stepCost: { warmup: STEP_WARMUP_DIALOGUES, dialogues: 20, steps: 50 },
        claims: { claims: 200, concurrency: 4 },
        scale: { iterations: 200 },
        rss: { conversations: 10_000 },
        twoProcess: { updates: 300, inFlight: 16 },
        startup: { starts: 3 },
      };
}
