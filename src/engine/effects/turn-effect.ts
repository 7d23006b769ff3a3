import { fromPromise, type AnyActorRef, type PromiseActorLogic } from 'xstate';
import type { EngineDeps } from '../deps.js';

/**
 * The deps of the update each stepping flow belongs to, by the flow's actor system (one per step:
 * see `stepFlow`). A machine is provided with its effects once per language, so the
 * update's own store (whose transactions re-check the chat's link) reaches its effects here.
 */
const turnDeps = new WeakMap<FlowSystem, EngineDeps>();

type FlowSystem = AnyActorRef['system'];

/** Lets the effects of the flow run by `system` work with `deps` until the returned function is called. */
export function bindTurn(system: FlowSystem, deps: EngineDeps): () => void {
  turnDeps.set(system, deps);
  return () => void turnDeps.delete(system);
}

/**
 * A flow's effect: a promise actor whose body runs with the deps of the update that stepped the
 * flow. An effect started outside an update's step fails rather than write unguarded.
 */
export function turnEffect<TOutput, TInput>(
  body: (deps: EngineDeps, input: TInput) => PromiseLike<TOutput>,
): PromiseActorLogic<TOutput, TInput> {
  return fromPromise<TOutput, TInput>(({ input, system }) => {
    const deps = turnDeps.get(system);
    if (!deps) throw new Error('a flow effect ran outside an update');
    return body(deps, input);
  });
}
