import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { FLOWS, type FlowId } from '../../../src/engine/flows.js';
import { waitAfterStep, type SecretWait } from '../../../src/engine/secret-prompts.js';

const standing: SecretWait = { purpose: 'current-password', nonceHash: 'old' };
const shown: SecretWait = { purpose: 'new-password', nonceHash: 'new' };

describe('what a flow waits for after a step', () => {
  it('is the prompt the step showed, whatever stood before', () => {
    expect(waitAfterStep(standing, shown, { type: 'secret', value: 'x' })).toBe(shown);
    expect(waitAfterStep(undefined, shown, undefined)).toBe(shown);
  });

  it('is nothing once a secret answered the standing prompt and none followed', () => {
    expect(waitAfterStep(standing, undefined, { type: 'secret', value: 'x' })).toBeUndefined();
  });

  it('is the standing prompt when something else came in (a stray button, /skip)', () => {
    expect(waitAfterStep(standing, undefined, { type: 'choose', value: 'skip' })).toBe(standing);
    expect(waitAfterStep(undefined, undefined, { type: 'text', text: 'hi' })).toBeUndefined();
  });
});

/** Every state of a machine, nested ones included. */
function statesOf(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(statesOf)];
}

describe('flows that ask for a secret', () => {
  // The rule above holds because a flow waits for a secret only where it takes nothing else.
  for (const id of Object.keys(FLOWS) as FlowId[]) {
    it(`${id}: a state waiting for a secret takes nothing but the secret`, () => {
      for (const state of statesOf(FLOWS[id].machine.root).filter((s) => s.tags.includes('secret')))
        expect([...state.transitions.keys()], state.id).toEqual(['secret']);
    });
  }
});
