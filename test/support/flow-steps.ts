import type { AnyStateMachine } from 'xstate';
import type { FlowEvent } from '../../flows/types.js';
import { stepFlow, type FlowStep } from '../../src/engine/flow-runner.js';

/**
 * Starts `machine` with `input` and sends each event in turn, its snapshot stored and restored
 * between them as the engine does; one step per update, the start's first.
 */
export async function stepThrough(
  machine: AnyStateMachine,
  input: unknown,
  events: readonly FlowEvent[],
): Promise<FlowStep[]> {
  const steps = [await stepFlow(machine, { input }, undefined)];
  for (const event of events) {
    const last = steps.at(-1)!;
    if (last.persisted === undefined) throw new Error('the flow finished before every event was sent');
    steps.push(await stepFlow(machine, { snapshot: last.persisted }, event));
  }
  return steps;
}
