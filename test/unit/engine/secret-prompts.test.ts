import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { FLOWS, type FlowId } from '../../../src/engine/flows.js';
import {
  repeatSecretPrompt,
  standingWait,
  waitAfterStep,
  type SecretWait,
} from '../../../src/engine/secret-prompts.js';
import type { EngineDeps } from '../../../src/engine/deps.js';
import type { Inbound } from '../../../src/engine/inbound.js';
import { text } from '../../../src/engine/outbound.js';
import { translate } from '../../../src/i18n/translate.js';
import type { RunningFlow, TurnScope } from '../../../src/engine/turn-scope.js';

const standing: SecretWait = {
  purpose: 'current-password',
  prompt: 'Your current password?',
  nonceHash: 'old',
};
const shown: SecretWait = { purpose: 'new-password', prompt: 'Your new password?', nonceHash: 'new' };

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

/** A stranger's private chat whose login run waits for the password. */
function scopeWaiting(flow: Partial<RunningFlow> = {}): TurnScope {
  const running: RunningFlow = {
    id: 'login',
    version: 1,
    owner: null,
    instance: 'run1',
    snapshot: {},
    awaitsSecret: 'login',
    secretPrompt: 'Your password?',
    secretNonce: 'old',
    ...flow,
  };
  return {
    deps: {} as EngineDeps,
    inbound: {} as Inbound,
    user: undefined,
    session: { flow: running },
    replies: [text('help text')],
    unlinkedMidway: false,
  };
}

describe('a secret prompt asked again', () => {
  it('follows what else was answered, hidden, under a new nonce', () => {
    const scope = scopeWaiting();
    repeatSecretPrompt(scope);
    expect(scope.replies[1]).toMatchObject({
      type: 'secretPrompt',
      text: 'Your password?',
      purpose: 'login',
      action: 'run1.secret',
    });
    expect(scope.session.flow?.secretNonce).not.toBe('old');
  });

  it('is not added when the update showed a secret prompt already, or nothing waits for a secret', () => {
    const prompted = scopeWaiting();
    prompted.replies.push({ type: 'secretPrompt', text: 'x', purpose: 'login', action: 'a', nonce: 'n' });
    repeatSecretPrompt(prompted);
    expect(prompted.replies).toHaveLength(2);
    const plain = scopeWaiting({ awaitsSecret: undefined });
    repeatSecretPrompt(plain);
    expect(plain.replies).toHaveLength(1);
  });

  it('is not added for a flow another account owns (its step ends at the next update)', () => {
    const scope = scopeWaiting({ owner: 'someone-else' });
    repeatSecretPrompt(scope);
    expect(scope.replies).toHaveLength(1);
  });

  it('has general words when the session kept none', () => {
    const wait = standingWait({ ...scopeWaiting().session.flow!, secretPrompt: undefined });
    expect(wait && translate('en', wait.prompt)).toMatch(/password/);
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
