import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { deleteGroupFlow, type GroupDeletionImpact } from '../../../flows/delete-group.js';
import type { FlowEvent } from '../../../flows/types.js';
import { stepThrough } from '../../support/flow-steps.js';

const input = { actorId: 'admin-1', name: 'temp' };

const tempImpact: GroupDeletionImpact = {
  name: 'Temp',
  members: 1,
  pendingInvites: 2,
  soleGroupAgents: ['helpdesk'],
};

interface Fakes {
  impact: GroupDeletionImpact;
  calls: { effect: string; input: unknown }[];
  failDescribe?: Error;
  failDelete?: Error;
}

function fakes(impact: Partial<GroupDeletionImpact> = {}): Fakes {
  return { impact: { ...tempImpact, ...impact }, calls: [] };
}

function withFakes(f: Fakes) {
  return deleteGroupFlow.provide({
    actors: {
      describe: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'describe', input });
        if (f.failDescribe) throw f.failDescribe;
        return f.impact;
      }),
      deleteGroup: fromPromise(async ({ input }) => {
        f.calls.push({ effect: 'deleteGroup', input });
        if (f.failDelete) throw f.failDelete;
        return { name: f.impact.name };
      }),
    },
  });
}

async function run(f: Fakes, events: FlowEvent[]) {
  const steps = await stepThrough(withFakes(f), input, events);
  return { step: steps.at(-1)!, steps };
}

const choose = (value: string): FlowEvent => ({ type: 'choose', value });
const question = (text: string) => ({
  type: 'reply',
  text,
  choices: [
    [
      { label: 'Delete', value: 'yes' },
      { label: 'Cancel', value: 'cancel' },
    ],
  ],
});

describe('delete-group flow', () => {
  it('says what the deletion takes away and deletes nothing before the admin taps Delete', async () => {
    const f = fakes();
    const { step } = await run(f, []);
    expect(step.emitted).toEqual([
      question(
        'Delete group Temp? 1 member loses it; helpdesk becomes usable by admins only; ' +
          '2 pending invites no longer give it.',
      ),
    ]);
    expect(f.calls).toEqual([{ effect: 'describe', input }]);
    expect(step.persisted).toBeDefined();
  });

  it('counts in the plural and lists every agent left to admins', async () => {
    const { step } = await run(fakes({ members: 3, pendingInvites: 1, soleGroupAgents: ['a', 'b'] }), []);
    expect(step.emitted).toEqual([
      question(
        'Delete group Temp? 3 members lose it; a and b become usable by admins only; ' +
          '1 pending invite no longer gives it.',
      ),
    ]);
  });

  it('says so when nothing depends on the group', async () => {
    const { step } = await run(fakes({ members: 0, pendingInvites: 0, soleGroupAgents: [] }), []);
    expect(step.emitted).toEqual([
      question('Delete group Temp? Nobody is in it, and no agent or pending invite needs it.'),
    ]);
  });

  it('deletes the group by its exact name once the admin taps Delete', async () => {
    const f = fakes();
    const { step } = await run(f, [choose('yes')]);
    expect(f.calls.at(-1)).toEqual({ effect: 'deleteGroup', input: { actorId: 'admin-1', name: 'Temp' } });
    expect(step.emitted).toEqual([{ type: 'reply', text: 'Group Temp is deleted.' }]);
    expect(step.persisted).toBeUndefined();
  });

  it('keeps the group when the admin taps Cancel', async () => {
    const f = fakes();
    const { step } = await run(f, [choose('cancel')]);
    expect(f.calls.map((c) => c.effect)).toEqual(['describe']);
    expect(step.emitted).toEqual([{ type: 'reply', text: 'Group Temp is kept.' }]);
    expect(step.persisted).toBeUndefined();
  });

  it('asks for a tap when the admin types instead', async () => {
    const { step } = await run(fakes(), [{ type: 'text', text: 'yes' }]);
    expect(step.emitted).toEqual([{ type: 'reply', text: 'Tap Delete or Cancel above.' }]);
    expect(step.persisted).toBeDefined();
  });

  it('reports a refusal to describe or to delete, and ends', async () => {
    const unknown = Object.assign(new Error('no temp'), { code: 'unknown_group' });
    const f = fakes();
    f.failDescribe = unknown;
    const first = await run(f, []);
    expect(first.step.emitted).toEqual([{ type: 'failed', error: unknown }]);
    expect(first.step.persisted).toBeUndefined();
    const g = fakes();
    g.failDelete = unknown;
    const second = await run(g, [choose('yes')]);
    expect(second.step.emitted).toEqual([{ type: 'failed', error: unknown }]);
    expect(second.step.persisted).toBeUndefined();
  });
});
