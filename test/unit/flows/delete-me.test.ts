import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { deleteMeFlow, type OwnErasureFacts } from '../../../flows/delete-me.js';
import type { ErasureDone } from '../../../flows/delete-user.js';
import type { FlowEvent } from '../../../flows/types.js';
import { stepThrough } from '../../support/flow-steps.js';

const input = { userId: 'u1' };

const adaFacts: OwnErasureFacts = {
  name: 'Ada',
  confirmation: 'ada@example.com',
  agents: [],
  openInvites: 0,
  personalAgents: 0,
  candidates: [],
  successorName: null,
};

const done: ErasureDone = { agents: [], successorName: null, invitesRevoked: 0 };

interface Fakes {
  facts: OwnErasureFacts;
  calls: { effect: string; input: unknown }[];
  failDescribe?: Error;
  failErase?: Error;
}

function fakes(facts: Partial<OwnErasureFacts> = {}): Fakes {
  return { facts: { ...adaFacts, ...facts }, calls: [] };
}

/** The flow with both effects faked: each records its input, and fails when told to. */
function withFakes(f: Fakes) {
  return deleteMeFlow.provide({
    actors: {
      describe: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'describe', input });
        if (f.failDescribe) throw f.failDescribe;
        return f.facts;
      }),
      erase: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'erase', input });
        if (f.failErase) throw f.failErase;
        return done;
      }),
    },
  });
}

/** Runs the flow from its start through `events`, one stored step each, as the engine does. */
async function run(f: Fakes, events: FlowEvent[]) {
  const steps = await stepThrough(withFakes(f), input, events);
  return { step: steps.at(-1)!, steps };
}

const say = (text: string): FlowEvent => ({ type: 'text', text });
const cancel: FlowEvent = { type: 'choose', value: 'cancel' };
const erased = (f: Fakes) => f.calls.filter((c) => c.effect === 'erase');

describe('delete-me flow', () => {
  it('says what erasing one’s own account does and asks for the email typed back, with a Cancel button', async () => {
    const f = fakes();
    const { step } = await run(f, []);
    expect(f.calls).toEqual([{ effect: 'describe', input }]);
    expect(step.emitted).toEqual([
      {
        type: 'reply',
        text:
          'Delete your account for good?\n\n' +
          'This erases the account for good: your chat links, group memberships, personal context and reset links. It cannot be undone.\n' +
          'The audit trail keeps its rows about the account: it is the record of what happened.\n\n' +
          'If you want a copy of your data, tap Cancel and send /export first.\n\n' +
          'To confirm, type ada@example.com',
        choices: [[{ label: 'Cancel', value: 'cancel' }]],
      },
    ]);
    expect(step.persisted).toBeDefined();
  });

  it('names the personal agents and invites that go, and who takes over the agents that stay', async () => {
    const f = fakes({
      agents: ['Helper', 'Scribe'],
      openInvites: 1,
      personalAgents: 2,
      successorName: 'Grace',
    });
    const { step } = await run(f, []);
    const [confirm] = step.emitted;
    expect(confirm).toMatchObject({ type: 'reply' });
    const text = confirm?.type === 'reply' ? confirm.text : '';
    expect(text).toContain('personal context, 2 personal agents and reset links');
    expect(text).toContain('1 open invite you issued will be revoked.');
    expect(text).toContain('Helper, Scribe will belong to Grace.');
  });

  it('erases the account once the email is typed back, whatever its case and spaces, and says goodbye', async () => {
    const f = fakes();
    const { step } = await run(f, [say('  ADA@example.COM ')]);
    expect(erased(f)).toEqual([{ effect: 'erase', input }]);
    expect(step.emitted).toEqual([
      { type: 'reply', text: 'Your account is erased. Thank you for being here. Goodbye!' },
    ]);
    expect(step.persisted).toBeUndefined();
  });

  it('asks again, erasing nothing, when the typed confirmation does not match', async () => {
    const f = fakes();
    const { steps } = await run(f, [say('ada@example.org'), say('ada@example.com')]);
    expect(steps[1]!.emitted).toEqual([
      {
        type: 'reply',
        text: 'That does not match. Type ada@example.com exactly, or tap Cancel.',
        choices: [[{ label: 'Cancel', value: 'cancel' }]],
      },
    ]);
    expect(steps[1]!.persisted).toBeDefined();
    expect(erased(f)).toHaveLength(1);
    expect(steps[2]!.persisted).toBeUndefined();
  });

  it('asks for the name when the account has no email', async () => {
    const f = fakes({ confirmation: 'Ada' });
    const { steps } = await run(f, [say('ada')]);
    expect(steps[0]!.emitted[0]).toMatchObject({ text: expect.stringMatching(/To confirm, type Ada$/) });
    expect(erased(f)).toHaveLength(1);
  });

  it('erases nothing on Cancel', async () => {
    const f = fakes();
    const { step } = await run(f, [say('nope'), cancel]);
    expect(step.emitted).toEqual([
      { type: 'reply', text: 'Nothing was erased. Your account stays as it is.' },
    ]);
    expect(step.persisted).toBeUndefined();
    expect(erased(f)).toEqual([]);
  });

  it('ignores a tap that is not Cancel', async () => {
    const f = fakes();
    const { step } = await run(f, [{ type: 'choose', value: 'ada@example.com' }]);
    expect(step.emitted).toEqual([]);
    expect(step.persisted).toBeDefined();
    expect(erased(f)).toEqual([]);
  });

  it('ends with the refusal when the erasure cannot even be described', async () => {
    const f = fakes();
    f.failDescribe = Object.assign(new Error('last admin'), { code: 'last_admin' });
    const { step } = await run(f, []);
    expect(step.emitted).toEqual([{ type: 'failed', error: f.failDescribe }]);
    expect(step.persisted).toBeUndefined();
  });

  it('ends with the refusal when the erasure fails', async () => {
    const f = fakes();
    f.failErase = Object.assign(new Error('last admin'), { code: 'last_admin' });
    const { step } = await run(f, [say('ada@example.com')]);
    expect(step.emitted).toEqual([{ type: 'failed', error: f.failErase }]);
    expect(step.persisted).toBeUndefined();
  });
});
