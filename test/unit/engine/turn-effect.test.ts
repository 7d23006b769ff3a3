import { assign, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { stepFlow } from '../../../src/engine/flow-runner.js';
import { turnEffect } from '../../../src/engine/effects/turn-effect.js';
import type { EngineDeps } from '../../../src/engine/deps.js';

/** A machine whose one effect reports which update's deps it ran with. */
const machine = setup({
  types: { context: {} as { seen?: string; failed?: boolean } },
  actors: {
    whoAmI: turnEffect<string, undefined>(async (deps) => deps.settings.personaName),
  },
}).createMachine({
  context: {},
  output: ({ context }) => context,
  initial: 'asking',
  states: {
    asking: {
      invoke: {
        src: 'whoAmI',
        onDone: { target: 'done', actions: assign({ seen: ({ event }) => event.output }) },
        onError: { target: 'done', actions: assign({ failed: true }) },
      },
    },
    done: { type: 'final' },
  },
});

function depsNamed(personaName: string): EngineDeps {
  return { settings: { personaName } } as EngineDeps;
}

describe('a flow effect', () => {
  it('runs with the deps of the update that stepped its flow, each step its own', async () => {
    const [a, b] = await Promise.all([
      stepFlow(machine, { input: undefined }, undefined, depsNamed('first')),
      stepFlow(machine, { input: undefined }, undefined, depsNamed('second')),
    ]);
    expect(a.output).toEqual({ seen: 'first' });
    expect(b.output).toEqual({ seen: 'second' });
  });

  it('fails, writing nothing, when no update stepped its flow', async () => {
    const step = await stepFlow(machine, { input: undefined }, undefined);
    expect(step.output).toEqual({ failed: true });
  });
});
