import { createActor, waitFor, type AnyActorRef, type AnyStateMachine, type Snapshot } from 'xstate';
import type { FlowEmitted, FlowEvent } from '../../flows/types.js';
import type { EngineDeps } from './deps.js';
import { bindTurn } from './effects/turn-effect.js';

/** How long one update may keep a flow busy before the engine gives up on it. */
export const FLOW_STEP_TIMEOUT_MS = 30_000;

export interface FlowStep {
  emitted: FlowEmitted[];
  /** The snapshot to save while the flow waits; undefined once it has finished. */
  persisted: unknown;
  /** The machine's output when it finished. */
  output: unknown;
  /** The flow is waiting for a secret (a password), so the next text must not stay in the chat. */
  awaitsSecret: boolean;
}

/** A stored snapshot the current machine cannot resume (its flow changed since it was saved). */
export class StaleSnapshotError extends Error {
  override readonly name = 'StaleSnapshotError';
}

type RestingSnapshot = Snapshot<unknown> & { hasTag(tag: string): boolean; output?: unknown };

function atRest(snapshot: RestingSnapshot): boolean {
  return snapshot.status !== 'active' || snapshot.hasTag('waiting');
}

/**
 * Restores a flow (or starts it with `input`), sends at most one event, waits until it rests again
 * and returns what it emitted with the snapshot to save. Its effects run with `deps` (the update's:
 * see turn-effect.ts). The actor is stopped before returning.
 */
export async function stepFlow(
  machine: AnyStateMachine,
  from: { snapshot: unknown } | { input: unknown },
  event: FlowEvent | undefined,
  deps?: EngineDeps,
): Promise<FlowStep> {
  let actor: AnyActorRef;
  if ('snapshot' in from) {
    actor = createActor(machine, { snapshot: from.snapshot as Snapshot<unknown> });
    // A snapshot the machine cannot restore leaves the actor in error before it starts.
    const restored = actor.getSnapshot() as Snapshot<unknown>;
    if (restored.status === 'error') throw new StaleSnapshotError(String(restored.error));
  } else {
    actor = createActor(machine, { input: from.input });
  }
  const unbind = deps ? bindTurn(actor.system, deps) : () => undefined;
  const emitted: FlowEmitted[] = [];
  actor.on('*', (e: FlowEmitted) => emitted.push(e));
  let failure: unknown;
  actor.subscribe({ error: (error) => (failure = error) });
  try {
    actor.start();
    if (event) actor.send(event);
    const rested = (await waitFor(actor, (s: RestingSnapshot) => atRest(s) || failure !== undefined, {
      timeout: FLOW_STEP_TIMEOUT_MS,
    })) as RestingSnapshot;
    if (failure !== undefined || rested.status === 'error') throw failure ?? new Error('flow failed');
    const finished = rested.status !== 'active';
    return {
      emitted,
      persisted: finished ? undefined : actor.getPersistedSnapshot(),
      output: finished ? rested.output : undefined,
      awaitsSecret: !finished && rested.hasTag('secret'),
    };
  } finally {
    actor.stop();
    unbind();
  }
}
