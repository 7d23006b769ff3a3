import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { passwordFlow } from '../../../flows/password.js';
import { loginFlow, MAX_LOGIN_ATTEMPTS } from '../../../flows/login.js';
import { stepFlow, type FlowStep } from '../../../src/engine/flow-runner.js';
import type { FlowEvent } from '../../../flows/types.js';
import { stepThrough } from '../../support/flow-steps.js';

const identity = { platform: 'telegram' as const, externalId: '1', username: null };
const wrong = () => Object.assign(new Error('wrong'), { code: 'wrong_credentials' });

async function walk(
  machine: Parameters<typeof stepFlow>[0],
  input: unknown,
  events: FlowEvent[],
): Promise<FlowStep[]> {
  return stepThrough(machine, input, events);
}

describe('password flow', () => {
  /** Stands in for the record's staged passwords. */
  const staged = new Map<string, string>();
  const applied: { password: string | undefined; logOutOthers: boolean }[] = [];
  const machine = passwordFlow.provide({
    actors: {
      verifyCurrent: fromPromise(async ({ input }) => {
        if (input.password !== 'current-Pass-1') throw wrong();
      }),
      stagePassword: fromPromise(async ({ input }) => {
        if (input.password.length < 12) throw Object.assign(new Error('weak'), { code: 'weak_password' });
        if (input.password === 'current-Pass-1')
          throw Object.assign(new Error('same'), { code: 'invalid_input' });
        const stagedId = `staged-${staged.size + 1}`;
        staged.set(stagedId, input.password);
        return { stagedId };
      }),
      confirmStaged: fromPromise(async ({ input }) => staged.get(input.stagedId) === input.password),
      applyPassword: fromPromise(async ({ input }) => {
        applied.push({ password: staged.get(input.stagedId), logOutOthers: input.logOutOthers });
        return { chatsLoggedOut: input.logOutOthers ? 2 : 0 };
      }),
    },
  });

  it('asks current, new and confirmation, then whether to log out other chats, and never keeps a password', async () => {
    const steps = await walk(machine, { userId: 'u', identity }, [
      { type: 'secret', value: 'current-Pass-1' },
      { type: 'secret', value: 'short' },
      { type: 'secret', value: 'current-Pass-1' },
      { type: 'secret', value: 'brand-New-Pass-22' },
      { type: 'secret', value: 'brand-New-Pass-2X' },
      { type: 'secret', value: 'brand-New-Pass-33' },
      { type: 'secret', value: 'brand-New-Pass-33' },
      { type: 'choose', value: 'yes' },
    ]);
    expect(steps.slice(0, 7).every((s) => s.awaitsSecret)).toBe(true);
    expect(steps[3]!.emitted[0]).toMatchObject({ type: 'failed' });
    expect(steps[5]!.emitted).toContainEqual({ type: 'reply', text: expect.stringMatching(/differ/) });
    expect(applied).toEqual([{ password: 'brand-New-Pass-33', logOutOthers: true }]);
    const saved = JSON.stringify(steps.map((s) => s.persisted));
    for (const secret of ['current-Pass-1', 'brand-New-Pass-22', 'brand-New-Pass-33'])
      expect(saved).not.toContain(secret);
    expect(steps[8]!.emitted).toEqual([
      { type: 'reply', text: expect.stringMatching(/changed\. 2 other chat/) },
    ]);
  });

  it('gives up after three wrong current passwords', async () => {
    const steps = await walk(machine, { userId: 'u', identity }, [
      { type: 'secret', value: 'x1' },
      { type: 'secret', value: 'x2' },
      { type: 'secret', value: 'x3' },
    ]);
    expect(steps[3]!.persisted).toBeUndefined();
    expect(steps[3]!.emitted).toEqual([
      { type: 'reply', text: expect.stringMatching(/Nothing was changed/) },
    ]);
  });

  it('ends at once, with the refusal, when the limits refuse the check', async () => {
    const lockedOut = Object.assign(new Error('locked'), { code: 'locked_out' });
    const refusing = machine.provide({
      actors: { verifyCurrent: fromPromise(() => Promise.reject(lockedOut)) },
    });
    const steps = await walk(refusing, { userId: 'u', identity }, [{ type: 'secret', value: 'x1' }]);
    expect(steps[1]!.persisted).toBeUndefined();
    expect(steps[1]!.emitted).toEqual([{ type: 'failed', error: lockedOut }]);
  });
});

describe('login flow', () => {
  it(`links the chat with the right password, and ends after ${MAX_LOGIN_ATTEMPTS} wrong ones`, async () => {
    let tries = 0;
    const machine = loginFlow.provide({
      actors: {
        login: fromPromise(async ({ input }) => {
          tries += 1;
          if (input.password !== 'right-Pass-123') throw wrong();
          return { userId: 'u1', name: 'Ada' };
        }),
      },
    });
    const ok = await walk(machine, { identity }, [
      { type: 'text', text: 'not an email' },
      { type: 'text', text: 'Ada@Example.com' },
      { type: 'secret', value: 'right-Pass-123' },
    ]);
    expect(ok[3]!.output).toEqual({ userId: 'u1' });
    expect(JSON.stringify(ok.map((s) => s.persisted))).not.toContain('right-Pass-123');

    tries = 0;
    const events: FlowEvent[] = [];
    for (let i = 0; i < MAX_LOGIN_ATTEMPTS; i++)
      events.push({ type: 'text', text: 'a@example.com' }, { type: 'secret', value: `nope-${i}` });
    const steps = await walk(machine, { identity }, events);
    expect(tries).toBe(MAX_LOGIN_ATTEMPTS);
    expect(steps[steps.length - 1]!.persisted).toBeUndefined();
    expect(steps[steps.length - 1]!.emitted).toEqual([
      { type: 'reply', text: expect.stringMatching(/Too many wrong attempts/) },
    ]);
  });

  it('asks only for the password again after a wrong one, with the email it was given', async () => {
    const emails: string[] = [];
    const machine = loginFlow.provide({
      actors: {
        login: fromPromise(async ({ input }) => {
          emails.push(input.email);
          if (input.password !== 'right-Pass-123') throw wrong();
          return { userId: 'u1', name: 'Ada' };
        }),
      },
    });
    const steps = await walk(machine, { identity }, [
      { type: 'text', text: 'ada@example.com' },
      { type: 'secret', value: 'nope-1' },
      { type: 'secret', value: 'right-Pass-123' },
    ]);
    expect(steps[2]!.awaitsSecret).toBe(true);
    expect(steps[2]!.emitted.map((e) => e.type)).toEqual(['failed', 'reply', 'askSecret']);
    expect(steps[2]!.emitted).toContainEqual({
      type: 'askSecret',
      purpose: 'login',
      prompt: 'Your password?',
    });
    expect(steps[3]!.output).toEqual({ userId: 'u1' });
    expect(emails).toEqual(['ada@example.com', 'ada@example.com']);
  });
});
