import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { AGAIN_PROMPT, NEW_PASSWORD_PROMPT, PASSWORDS_DIFFER } from '../../../flows/new-password.js';
import { resetPasswordFlow, type ResetCheck } from '../../../flows/reset-password.js';
import type { FlowEvent, FlowIdentity } from '../../../flows/types.js';
import { english, stepThrough } from '../../support/flow-steps.js';

const identity: FlowIdentity = { platform: 'telegram', externalId: '42', username: 'ada' };
const input = { tokenHash: 'reset-hash', identity };

const coded = (code: string) => Object.assign(new Error(code), { code });

interface Fakes {
  check: ResetCheck;
  calls: { effect: string; input: unknown }[];
  /** Stands in for the record's staged passwords. */
  staged: Map<string, string>;
  failCheck?: Error;
  failStage?: Error;
  failConfirm?: Error;
  /** Errors setPassword throws, one per call, before it succeeds. */
  failSet: Error[];
  chatsLoggedOut: number;
}

function fakes(check: ResetCheck = { usable: true, userName: 'Ada' }): Fakes {
  return { check, calls: [], staged: new Map(), failSet: [], chatsLoggedOut: 0 };
}

/** The flow with every effect faked; the passwords they see are recorded, the snapshots never hold one. */
function withFakes(f: Fakes) {
  return resetPasswordFlow.provide({
    actors: {
      checkReset: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'checkReset', input });
        if (f.failCheck) throw f.failCheck;
        return f.check;
      }),
      stagePassword: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'stagePassword', input });
        if (f.failStage) throw f.failStage;
        if (input.password.length < 12) throw coded('weak_password');
        const stagedId = `staged-${f.staged.size + 1}`;
        f.staged.set(stagedId, input.password);
        return { stagedId };
      }),
      confirmStaged: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'confirmStaged', input });
        if (f.failConfirm) throw f.failConfirm;
        return f.staged.get(input.stagedId) === input.password;
      }),
      setPassword: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'setPassword', input });
        const failure = f.failSet.shift();
        if (failure) throw failure;
        return { userId: 'ada-1', chatsLoggedOut: f.chatsLoggedOut };
      }),
    },
  });
}

/** Runs the flow from its start through `events`, one stored step each, as the engine does. */
async function run(f: Fakes, events: FlowEvent[]) {
  const steps = await stepThrough(withFakes(f), input, events);
  return { step: steps.at(-1)!, steps };
}

const secret = (value: string): FlowEvent => ({ type: 'secret', value });
const askNew = { type: 'askSecret', purpose: 'reset', prompt: english(NEW_PASSWORD_PROMPT) };
const askAgain = { type: 'askSecret', purpose: 'confirm-password', prompt: english(AGAIN_PROMPT) };
const effects = (f: Fakes) => f.calls.map((c) => c.effect);

describe('reset-password flow', () => {
  it('greets the person the link is for and asks for a new password in private', async () => {
    const f = fakes();
    const { step } = await run(f, []);
    expect(f.calls).toEqual([{ effect: 'checkReset', input }]);
    expect(step.emitted).toEqual([
      { type: 'reply', text: "Hello Ada. Let's set a new password for your account." },
      askNew,
    ]);
    expect(step.persisted).toBeDefined();
  });

  it('sets the password typed twice, links this chat and says how many others were logged out', async () => {
    const f = fakes();
    f.chatsLoggedOut = 2;
    const { steps, step } = await run(f, [secret('brand-New-Pass-1'), secret('brand-New-Pass-1')]);
    expect(steps[1]!.emitted).toEqual([askAgain]);
    expect(f.calls.slice(1)).toEqual([
      { effect: 'stagePassword', input: { password: 'brand-New-Pass-1' } },
      { effect: 'confirmStaged', input: { stagedId: 'staged-1', password: 'brand-New-Pass-1' } },
      { effect: 'setPassword', input: { tokenHash: 'reset-hash', stagedId: 'staged-1', identity } },
    ]);
    expect(step.emitted).toEqual([
      {
        type: 'reply',
        text: 'Your new password is set and this chat is linked to your account. 2 other chat(s) were logged out.',
      },
    ]);
    expect(step.persisted).toBeUndefined();
    expect(step.output).toEqual({ userId: 'ada-1' });
    expect(JSON.stringify(steps.map((s) => s.persisted))).not.toContain('brand-New-Pass-1');
  });

  it('says nothing about other chats when none were logged out', async () => {
    const { step } = await run(fakes(), [secret('brand-New-Pass-1'), secret('brand-New-Pass-1')]);
    expect(step.emitted).toEqual([
      { type: 'reply', text: 'Your new password is set and this chat is linked to your account.' },
    ]);
  });

  it.each([
    ['unknown', 'This reset link is not valid. Ask an admin for a new one.'],
    ['expired', 'This reset link has expired. Ask an admin for a new one.'],
    ['used', 'This reset link has already been used. Ask an admin for a new one.'],
    ['voided', 'A newer reset link replaced this one. Use the newest link you were given.'],
  ] as const)('ends at once, setting nothing, for a link that is %s', async (reason, text) => {
    const f = fakes({ usable: false, reason });
    const { step } = await run(f, []);
    expect(step.emitted).toEqual([{ type: 'reply', text }]);
    expect(step.persisted).toBeUndefined();
    expect(step.output).toBeNull();
    expect(effects(f)).toEqual(['checkReset']);
  });

  it('ends with the refusal when the link cannot be checked', async () => {
    const f = fakes();
    f.failCheck = coded('locked_out');
    const { step } = await run(f, []);
    expect(step.emitted).toEqual([{ type: 'failed', error: f.failCheck }]);
    expect(step.persisted).toBeUndefined();
  });

  it('reports a password the policy refuses and asks for another', async () => {
    const f = fakes();
    const { steps } = await run(f, [
      secret('short1'),
      secret('brand-New-Pass-1'),
      secret('brand-New-Pass-1'),
    ]);
    expect(steps[1]!.emitted).toEqual([
      { type: 'failed', error: expect.objectContaining({ code: 'weak_password' }) },
      askNew,
    ]);
    expect(steps[1]!.persisted).toBeDefined();
    expect(steps[3]!.output).toEqual({ userId: 'ada-1' });
  });

  it('ends with the refusal when staging fails for another reason', async () => {
    const f = fakes();
    f.failStage = new Error('database away');
    const { step } = await run(f, [secret('brand-New-Pass-1')]);
    expect(step.emitted).toEqual([{ type: 'failed', error: f.failStage }]);
    expect(step.persisted).toBeUndefined();
    expect(effects(f)).not.toContain('setPassword');
  });

  it('asks for the new password again, and only it, when the second one differs', async () => {
    const f = fakes();
    const { steps } = await run(f, [
      secret('brand-New-Pass-1'),
      secret('brand-New-Pass-2'),
      secret('other-New-Pass-3'),
      secret('other-New-Pass-3'),
    ]);
    expect(steps[2]!.emitted).toEqual([{ type: 'reply', text: english(PASSWORDS_DIFFER) }, askNew]);
    expect(JSON.stringify(steps[2]!.persisted)).not.toContain('staged-1');
    expect(f.calls.filter((c) => c.effect === 'setPassword')).toEqual([
      { effect: 'setPassword', input: { tokenHash: 'reset-hash', stagedId: 'staged-2', identity } },
    ]);
    expect(steps[4]!.output).toEqual({ userId: 'ada-1' });
  });

  it('asks for the password again when the staged one expired before it was typed again', async () => {
    const f = fakes();
    f.failConfirm = coded('staged_password_gone');
    const { step } = await run(f, [secret('brand-New-Pass-1'), secret('brand-New-Pass-1')]);
    expect(step.emitted).toEqual([{ type: 'failed', error: f.failConfirm }, askNew]);
    expect(step.persisted).toBeDefined();
    expect(effects(f)).not.toContain('setPassword');
  });

  it('ends with the refusal when the confirmation fails for another reason', async () => {
    const f = fakes();
    f.failConfirm = new Error('database away');
    const { step } = await run(f, [secret('brand-New-Pass-1'), secret('brand-New-Pass-1')]);
    expect(step.emitted).toEqual([{ type: 'failed', error: f.failConfirm }]);
    expect(step.persisted).toBeUndefined();
    expect(effects(f)).not.toContain('setPassword');
  });

  it('asks for the password again when the staged one expired while it was being set', async () => {
    const f = fakes();
    const gone = coded('staged_password_gone');
    f.failSet.push(gone);
    const { steps } = await run(f, [
      secret('brand-New-Pass-1'),
      secret('brand-New-Pass-1'),
      secret('brand-New-Pass-1'),
      secret('brand-New-Pass-1'),
    ]);
    expect(steps[2]!.emitted).toEqual([{ type: 'failed', error: gone }, askNew]);
    expect(steps[2]!.persisted).toBeDefined();
    expect(f.calls.filter((c) => c.effect === 'setPassword').map((c) => c.input)).toEqual([
      { tokenHash: 'reset-hash', stagedId: 'staged-1', identity },
      { tokenHash: 'reset-hash', stagedId: 'staged-2', identity },
    ]);
    expect(steps[4]!.output).toEqual({ userId: 'ada-1' });
  });

  it('ends with the refusal, linking nothing, when setting the password fails for another reason', async () => {
    const f = fakes();
    const used = coded('reset_unusable');
    f.failSet.push(used);
    const { step } = await run(f, [secret('brand-New-Pass-1'), secret('brand-New-Pass-1')]);
    expect(step.emitted).toEqual([{ type: 'failed', error: used }]);
    expect(step.persisted).toBeUndefined();
    expect(step.output).toBeNull();
  });

  it('ignores typed text and taps while it waits for a password', async () => {
    const f = fakes();
    const { steps } = await run(f, [
      { type: 'text', text: 'brand-New-Pass-1' },
      { type: 'choose', value: 'cancel' },
    ]);
    expect(steps.slice(1).map((s) => s.emitted)).toEqual([[], []]);
    expect(steps[2]!.persisted).toBeDefined();
    expect(effects(f)).toEqual(['checkReset']);
  });
});
