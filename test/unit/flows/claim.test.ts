import { describe, expect, it } from 'vitest';
import { fromPromise, initialTransition, transition } from 'xstate';
import { claimFlow, type InviteCheck } from '../../../flows/claim.js';
import { stepFlow } from '../../../src/engine/flow-runner.js';
import type { FlowIdentity } from '../../../flows/types.js';

const identity: FlowIdentity = { platform: 'console', externalId: 'ada', username: null };
const input = { tokenHash: 'hash', identity };

function withEffects(
  check: InviteCheck,
  create: (input: { password: string; email: string | null }) => Promise<{ userId: string }>,
) {
  return claimFlow.provide({
    actors: {
      checkInvite: fromPromise(async () => check),
      createAccount: fromPromise(async ({ input }) => create(input)),
    },
  });
}

const usable: InviteCheck = { usable: true, hasEmail: true, role: 'member', label: null };

describe('claim flow', () => {
  it('asks for a name, then a password, then creates the account', async () => {
    const passwords: string[] = [];
    const machine = withEffects(usable, async ({ password }) => {
      passwords.push(password);
      return { userId: 'u1' };
    });
    const first = await stepFlow(machine, { input }, undefined);
    expect(first.emitted.map((e) => e.type)).toEqual(['reply']);
    const second = await stepFlow(machine, { snapshot: first.persisted }, { type: 'text', text: 'Ada' });
    expect(second.awaitsSecret).toBe(true);
    expect(JSON.stringify(second.persisted)).not.toContain('password');
    const third = await stepFlow(
      machine,
      { snapshot: second.persisted },
      { type: 'secret', value: 's3cret-Horse-42' },
    );
    expect(third.persisted).toBeUndefined();
    expect(third.output).toEqual({ userId: 'u1' });
    expect(passwords).toEqual(['s3cret-Horse-42']);
  });

  it('asks again after a refused password and keeps no password in the snapshot', async () => {
    const weak = Object.assign(new Error('weak'), { code: 'weak_password' });
    const machine = withEffects(usable, async () => Promise.reject(weak));
    const start = await stepFlow(machine, { input }, undefined);
    const named = await stepFlow(machine, { snapshot: start.persisted }, { type: 'text', text: 'Ada' });
    const refused = await stepFlow(
      machine,
      { snapshot: named.persisted },
      { type: 'secret', value: 'password1234' },
    );
    expect(refused.emitted.map((e) => e.type)).toEqual(['failed', 'askSecret']);
    expect(refused.awaitsSecret).toBe(true);
    expect(JSON.stringify(refused.persisted)).not.toContain('password1234');
  });

  it('ends with the reason when the invite cannot be used', async () => {
    const machine = withEffects({ usable: false, reason: 'expired' }, async () => ({ userId: 'x' }));
    const step = await stepFlow(machine, { input }, undefined);
    expect(step.persisted).toBeUndefined();
    expect(step.emitted).toEqual([{ type: 'reply', text: expect.stringContaining('expired') }]);
  });

  it('asks for an email only when the invite has none, and lets the person skip it', () => {
    const noEmail = claimFlow.provide({});
    const [start] = initialTransition(noEmail, input);
    const checked = transition(noEmail, start, {
      type: 'xstate.done.actor.0.claim.checking',
      output: { usable: true, hasEmail: false, role: 'member', label: null },
    } as never);
    const [named] = checked;
    expect(named.value).toBe('askingName');
    const [asked] = transition(noEmail, named, { type: 'text', text: 'Ada' });
    expect(asked.value).toBe('askingEmail');
    const [skipped] = transition(noEmail, asked, { type: 'choose', value: 'skip' });
    expect(skipped.value).toBe('askingPassword');
  });

  it('refuses an empty name and stays where it was', () => {
    const [start] = initialTransition(claimFlow, input);
    const [named] = transition(claimFlow, start, {
      type: 'xstate.done.actor.0.claim.checking',
      output: usable,
    } as never);
    const [again, actions] = transition(claimFlow, named, { type: 'text', text: '   ' });
    expect(again.value).toBe('askingName');
    expect(actions.some((a) => (a.type as string) === 'xstate.emit')).toBe(true);
  });
});
