import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import {
  deleteUserFlow,
  type ErasureDone,
  type ErasureFacts,
  type Successor,
} from '../../../flows/delete-user.js';
import type { FlowEmitted, FlowEvent } from '../../../flows/types.js';
import { stepThrough } from '../../support/flow-steps.js';

const input = { actorId: 'admin-1', userId: 'bob-1' };

const grace: Successor = { id: 'grace-1', name: 'Grace', role: 'admin' };
const linus: Successor = { id: 'linus-1', name: 'Linus', role: 'member' };

const bobFacts: ErasureFacts = {
  name: 'Bob',
  confirmation: 'bob@example.com',
  agents: [],
  openInvites: 0,
  personalAgents: 0,
  candidates: [],
};

/** Bob created two agents others use, so someone must take them over. */
const bobWithAgents: Partial<ErasureFacts> = { agents: ['Helper', 'Scribe'], candidates: [grace, linus] };

interface Fakes {
  facts: ErasureFacts;
  done: ErasureDone;
  calls: { effect: string; input: unknown }[];
  /** The successors findSuccessor knows, by what the admin types. */
  known: Record<string, Successor>;
  failDescribe?: Error;
  failErase?: Error;
}

function fakes(facts: Partial<ErasureFacts> = {}, done: Partial<ErasureDone> = {}): Fakes {
  return {
    facts: { ...bobFacts, ...facts },
    done: { agents: [], successorName: null, invitesRevoked: 0, ...done },
    calls: [],
    known: { 'ada@example.com': { id: 'ada-1', name: 'Ada', role: 'member' } },
  };
}

const unknownUser = (query: string) => Object.assign(new Error(`no ${query}`), { code: 'unknown_user' });

/** The flow with every effect faked: each records its input, and fails when told to. */
function withFakes(f: Fakes) {
  return deleteUserFlow.provide({
    actors: {
      describe: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'describe', input });
        if (f.failDescribe) throw f.failDescribe;
        return f.facts;
      }),
      findSuccessor: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'findSuccessor', input });
        const found = f.known[input.reference];
        if (!found) throw unknownUser(input.reference);
        return found;
      }),
      erase: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'erase', input });
        if (f.failErase) throw f.failErase;
        return f.done;
      }),
    },
  });
}

/** Runs the flow from its start through `events`, one stored step each, as the engine does. */
async function run(f: Fakes, events: FlowEvent[], start: object = input) {
  const steps = await stepThrough(withFakes(f), start, events);
  return { step: steps.at(-1)!, steps };
}

const say = (text: string): FlowEvent => ({ type: 'text', text });
const choose = (value: string): FlowEvent => ({ type: 'choose', value });
const cancel = choose('cancel');
const texts = (emitted: FlowEmitted[]) => emitted.map((e) => (e.type === 'reply' ? e.text : e.type));
const erased = (f: Fakes) => f.calls.filter((c) => c.effect === 'erase');
const cancelRow = [{ label: 'Cancel', value: 'cancel' }];

describe('delete-user flow', () => {
  it('asks for the email typed back when there are no agents to hand over', async () => {
    const f = fakes();
    const { step } = await run(f, [], { ...input, via: '@bob on Slack' });
    expect(f.calls).toEqual([{ effect: 'describe', input }]);
    expect(step.emitted).toEqual([
      {
        type: 'reply',
        text:
          'Erase Bob <bob@example.com> (@bob on Slack)?\n\n' +
          'This erases the account for good: their chat links, group memberships, personal context and reset links. It cannot be undone.\n' +
          'The audit trail keeps its rows about the account: it is the record of what happened.\n\n' +
          'To confirm, type bob@example.com',
        choices: [cancelRow],
      },
    ]);
    expect(step.persisted).toBeDefined();
  });

  it('erases with no successor once the email is typed back, and says what went', async () => {
    const f = fakes({ openInvites: 2 }, { invitesRevoked: 2 });
    const { steps, step } = await run(f, [say(' BOB@example.com ')]);
    expect(texts(steps[0]!.emitted)[0]).toContain('2 open invites they issued will be revoked.');
    expect(erased(f)).toEqual([{ effect: 'erase', input: { ...input, successorId: null } }]);
    expect(step.emitted).toEqual([{ type: 'reply', text: 'Bob is erased. 2 open invites were revoked.' }]);
    expect(step.persisted).toBeUndefined();
  });

  it('asks who takes over the agents, admins marked, then erases with the one tapped', async () => {
    const f = fakes(bobWithAgents, {
      agents: ['Helper', 'Scribe'],
      successorName: 'Grace',
      invitesRevoked: 1,
    });
    const { steps, step } = await run(f, [choose('grace-1'), say('bob@example.com')]);
    expect(steps[0]!.emitted).toEqual([
      {
        type: 'reply',
        text:
          'Bob created 2 agents that will outlive the account: Helper, Scribe.\n' +
          'Who takes them over? Tap a person, or send their email or @username.',
        choices: [
          [{ label: 'Grace (admin)', value: 'grace-1' }],
          [{ label: 'Linus', value: 'linus-1' }],
          cancelRow,
        ],
      },
    ]);
    expect(texts(steps[1]!.emitted)[0]).toContain('Helper, Scribe will belong to Grace.');
    expect(erased(f)).toEqual([{ effect: 'erase', input: { ...input, successorId: 'grace-1' } }]);
    expect(step.emitted).toEqual([
      {
        type: 'reply',
        text: 'Bob is erased. Helper, Scribe now belong to Grace. 1 open invite was revoked.',
      },
    ]);
  });

  it('says "it" and "belongs" for a single agent', async () => {
    const f = fakes(
      { agents: ['Helper'], candidates: [linus] },
      { agents: ['Helper'], successorName: 'Linus' },
    );
    const { steps } = await run(f, [choose('linus-1'), say('bob@example.com')]);
    expect(texts(steps[0]!.emitted)[0]).toContain(
      'created 1 agent that will outlive the account: Helper.\nWho takes it over?',
    );
    expect(texts(steps[2]!.emitted)).toEqual(['Bob is erased. Helper now belongs to Linus.']);
  });

  it('finds a successor the admin types, by what they typed, trimmed', async () => {
    const f = fakes(bobWithAgents);
    const { steps } = await run(f, [say('  ada@example.com '), say('bob@example.com')]);
    expect(f.calls[1]).toEqual({
      effect: 'findSuccessor',
      input: { ...input, reference: 'ada@example.com' },
    });
    expect(texts(steps[1]!.emitted)[0]).toContain('Helper, Scribe will belong to Ada.');
    expect(erased(f)).toEqual([{ effect: 'erase', input: { ...input, successorId: 'ada-1' } }]);
  });

  it('reports a successor it cannot find and asks again', async () => {
    const f = fakes(bobWithAgents);
    const { steps } = await run(f, [say('nobody')]);
    expect(steps[1]!.emitted).toEqual([
      { type: 'failed', error: expect.objectContaining({ code: 'unknown_user' }) },
      expect.objectContaining({ type: 'reply', text: expect.stringMatching(/^Bob created 2 agents/) }),
    ]);
    expect(steps[1]!.persisted).toBeDefined();
    expect(erased(f)).toEqual([]);
  });

  it('ignores a tapped id that is not one of the candidates offered', async () => {
    const f = fakes(bobWithAgents);
    const { step } = await run(f, [choose('bob-1')]);
    expect(step.emitted).toEqual([]);
    expect(step.persisted).toBeDefined();
  });

  it('erases nothing on Cancel, whether asked for a successor or for the email', async () => {
    for (const events of [[cancel], [choose('grace-1'), cancel], [choose('grace-1'), say('bob'), cancel]]) {
      const f = fakes(bobWithAgents);
      const { step } = await run(f, events);
      expect(step.emitted).toEqual([{ type: 'reply', text: 'Nothing was erased.' }]);
      expect(step.persisted).toBeUndefined();
      expect(erased(f)).toEqual([]);
    }
  });

  it('asks again, erasing nothing, when the typed confirmation does not match', async () => {
    const f = fakes();
    const { step } = await run(f, [say('bob')]);
    expect(step.emitted).toEqual([
      {
        type: 'reply',
        text: 'That does not match. Type bob@example.com exactly, or tap Cancel.',
        choices: [cancelRow],
      },
    ]);
    expect(step.persisted).toBeDefined();
    expect(erased(f)).toEqual([]);
  });

  it('asks for the name of an account without an email, and does not show it twice', async () => {
    const f = fakes({ confirmation: 'Bob' });
    const { steps } = await run(f, [say('bob')]);
    expect(texts(steps[0]!.emitted)[0]).toMatch(/^Erase Bob\?\n\n[\s\S]*To confirm, type Bob$/);
    expect(erased(f)).toHaveLength(1);
  });

  it('cuts a long name and a long "via" to 100 characters', async () => {
    const f = fakes({ name: 'N'.repeat(150), confirmation: 'bob@example.com' });
    const { step } = await run(f, [], { ...input, via: 'v'.repeat(150) });
    expect(texts(step.emitted)[0]).toMatch(new RegExp(`^Erase N{100} <bob@example.com> \\(v{100}\\)\\?`));
  });

  it('ends with the refusal when the person cannot be described', async () => {
    const f = fakes();
    f.failDescribe = Object.assign(new Error('self'), { code: 'self_action' });
    const { step } = await run(f, []);
    expect(step.emitted).toEqual([{ type: 'failed', error: f.failDescribe }]);
    expect(step.persisted).toBeUndefined();
  });

  it('ends with the refusal when the erasure fails', async () => {
    const f = fakes();
    f.failErase = Object.assign(new Error('last admin'), { code: 'last_admin' });
    const { step } = await run(f, [say('bob@example.com')]);
    expect(step.emitted).toEqual([{ type: 'failed', error: f.failErase }]);
    expect(step.persisted).toBeUndefined();
  });
});
