import { describe, expect, it } from 'vitest';
import { fromPromise, initialTransition, transition } from 'xstate';
import { claimFlow, type InviteCheck } from '../../../flows/claim.js';
import { stepFlow, type FlowStep } from '../../../src/engine/flow-runner.js';
import type { FlowEvent, FlowIdentity } from '../../../flows/types.js';
import { stepInEnglish, stepThrough } from '../../support/flow-steps.js';

const identity: FlowIdentity = { platform: 'console', externalId: 'ada', username: null };
const input = { tokenHash: 'hash', identity };

interface Created {
  password: string | undefined;
  email: string | null;
}

/** The claim flow with fakes: staged passwords in a map, the account from `create`. */
function withEffects(check: InviteCheck, create: (created: Created) => Promise<{ userId: string }>) {
  const staged = new Map<string, string>();
  return claimFlow.provide({
    actors: {
      checkInvite: fromPromise(async () => check),
      stagePassword: fromPromise(async ({ input }) => {
        if (input.password.length < 12) throw Object.assign(new Error('weak'), { code: 'weak_password' });
        staged.set(`s${staged.size}`, input.password);
        return { stagedId: `s${staged.size - 1}` };
      }),
      confirmStaged: fromPromise(async ({ input }) => staged.get(input.stagedId) === input.password),
      createAccount: fromPromise(async ({ input }) =>
        create({ password: staged.get(input.stagedId), email: input.email }),
      ),
    },
  });
}

async function walk(machine: ReturnType<typeof withEffects>, events: FlowEvent[]): Promise<FlowStep[]> {
  return stepThrough(machine, input, events);
}

const usable: InviteCheck = { usable: true, hasEmail: true, role: 'member', label: null };

describe('claim flow', () => {
  it('asks for a name, then the password twice, then creates the account', async () => {
    const created: Created[] = [];
    const machine = withEffects(usable, async (c) => {
      created.push(c);
      return { userId: 'u1' };
    });
    const steps = await walk(machine, [
      { type: 'text', text: 'Ada' },
      { type: 'secret', value: 's3cret-Horse-42' },
      { type: 'secret', value: 's3cret-Horse-42' },
    ]);
    expect(steps[0]!.emitted.map((e) => e.type)).toEqual(['reply']);
    expect(steps[1]!.awaitsSecret).toBe(true);
    expect(steps[2]!.emitted).toEqual([
      { type: 'askSecret', purpose: 'confirm-password', prompt: expect.stringMatching(/once more/) },
    ]);
    expect(JSON.stringify(steps.map((s) => s.persisted))).not.toContain('Horse');
    expect(steps[3]!.persisted).toBeUndefined();
    expect(steps[3]!.output).toEqual({ userId: 'u1' });
    expect(created).toEqual([{ password: 's3cret-Horse-42', email: null }]);
  });

  it('asks for the password again, and only that, when the second one differs', async () => {
    const created: Created[] = [];
    const machine = withEffects(usable, async (c) => {
      created.push(c);
      return { userId: 'u1' };
    });
    const steps = await walk(machine, [
      { type: 'text', text: 'Ada' },
      { type: 'secret', value: 's3cret-Horse-42' },
      { type: 'secret', value: 's3cret-Horse-43' },
      { type: 'secret', value: 'other-Pony-77' },
      { type: 'secret', value: 'other-Pony-77' },
    ]);
    expect(steps[3]!.emitted).toEqual([
      { type: 'reply', text: expect.stringMatching(/differ/) },
      { type: 'askSecret', purpose: 'claim', prompt: expect.stringMatching(/choose a password/) },
    ]);
    expect(created).toEqual([{ password: 'other-Pony-77', email: null }]);
  });

  it('asks again after a refused password and keeps no password in the snapshot', async () => {
    const machine = withEffects(usable, async () => ({ userId: 'u1' }));
    const steps = await walk(machine, [
      { type: 'text', text: 'Ada' },
      { type: 'secret', value: 'short' },
    ]);
    expect(steps[2]!.emitted.map((e) => e.type)).toEqual(['failed', 'askSecret']);
    expect(steps[2]!.awaitsSecret).toBe(true);
    expect(JSON.stringify(steps[2]!.persisted)).not.toContain('short');
  });

  it('ends with the reason when the invite cannot be used', async () => {
    const machine = withEffects({ usable: false, reason: 'expired' }, async () => ({ userId: 'x' }));
    const step = stepInEnglish(await stepFlow(machine, { input }, undefined));
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

  it.each(['   ', 'Ada\nLovelace', 'Ada\u0007'])('refuses the name %j and stays where it was', (name) => {
    const [start] = initialTransition(claimFlow, input);
    const [named] = transition(claimFlow, start, {
      type: 'xstate.done.actor.0.claim.checking',
      output: usable,
    } as never);
    const [again, actions] = transition(claimFlow, named, { type: 'text', text: name });
    expect(again.value).toBe('askingName');
    expect(actions.some((a) => (a.type as string) === 'xstate.emit')).toBe(true);
  });

  it('asks for the name again when the record refuses it, keeping the confirmed password', async () => {
    const nameRefused = Object.assign(new Error('name'), { code: 'invalid_input', field: 'name' });
    let refuseName = true;
    const machine = withEffects(usable, async () => {
      if (refuseName) throw nameRefused;
      return { userId: 'u1' };
    });
    const steps = await walk(machine, [
      { type: 'text', text: 'Ada' },
      { type: 'secret', value: 's3cret-Horse-42' },
      { type: 'secret', value: 's3cret-Horse-42' },
    ]);
    expect(steps[3]!.emitted).toEqual([{ type: 'reply', text: expect.stringMatching(/on one line/) }]);
    refuseName = false;
    const created = await stepFlow(
      machine,
      { snapshot: steps[3]!.persisted },
      { type: 'text', text: 'Ada L' },
    );
    expect(created.output).toEqual({ userId: 'u1' });
  });
});
