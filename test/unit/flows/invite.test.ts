import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { inviteFlow, type InviteDraft } from '../../../flows/invite.js';
import { stepFlow } from '../../../src/engine/flow-runner.js';
import type { FlowEvent } from '../../../flows/types.js';

function withCreate(created: InviteDraft[]) {
  return inviteFlow.provide({
    actors: {
      createInvites: fromPromise(async ({ input }) => {
        created.push(input.draft);
        return { lines: ['the link'] };
      }),
    },
  });
}

async function run(input: Parameters<typeof stepFlow>[1], events: FlowEvent[], created: InviteDraft[] = []) {
  const machine = withCreate(created);
  let step = await stepFlow(machine, input, undefined);
  const texts = step.emitted.map((e) => ('text' in e ? e.text : e.type));
  for (const event of events) {
    step = await stepFlow(machine, { snapshot: step.persisted }, event);
    texts.push(...step.emitted.map((e) => ('text' in e ? e.text : e.type)));
  }
  return { step, texts, created };
}

const ask = { input: { actorId: 'admin', draft: {}, oneLine: false } };

describe('invite flow', () => {
  it('asks who, role, groups and options, confirms, then creates and shows the link privately', async () => {
    const { step, texts, created } = await run(ask, [
      { type: 'text', text: 'A@example.com b@example.com' },
      { type: 'choose', value: 'admin' },
      { type: 'text', text: 'Ops, Design' },
      { type: 'choose', value: 'defaults' },
      { type: 'choose', value: 'create' },
    ]);
    expect(texts.join('\n')).toMatch(
      /Who is the invite for[\s\S]*Which role[\s\S]*Which groups[\s\S]*Anything else[\s\S]*Invite a@example.com, b@example.com as admin in Ops, Design/,
    );
    expect(created).toEqual([
      {
        emails: ['a@example.com', 'b@example.com'],
        role: 'admin',
        groupNames: ['Ops', 'Design'],
        maxUses: 1,
        expiresInDays: 7,
        label: null,
      },
    ]);
    expect(step.persisted).toBeUndefined();
    expect(step.emitted).toContainEqual({ type: 'reply', text: 'the link', private: true });
  });

  it('skips what the one-line form gave and goes straight to the confirmation', async () => {
    const { texts } = await run(
      { input: { actorId: 'admin', draft: { emails: ['x@example.com'], role: 'member' }, oneLine: true } },
      [],
    );
    expect(texts).toEqual([
      expect.stringMatching(/^Invite x@example.com as member in no group — 1 use, valid 7 days\?$/),
    ]);
  });

  it('reads options and refuses ones out of range, staying where it was', async () => {
    const created: InviteDraft[] = [];
    const { texts } = await run(
      ask,
      [
        { type: 'choose', value: 'anyone' },
        { type: 'choose', value: 'member' },
        { type: 'choose', value: 'none' },
        { type: 'text', text: 'uses:0' },
        { type: 'text', text: 'expires:400d' },
        { type: 'text', text: 'uses:5 expires:14d label:"Spring hires"' },
        { type: 'choose', value: 'create' },
      ],
      created,
    );
    expect(texts.filter((t) => /could not read that/.test(t))).toHaveLength(2);
    expect(created[0]).toMatchObject({ emails: [], maxUses: 5, expiresInDays: 14, label: 'Spring hires' });
  });

  it('refuses several uses for an invite to an email', async () => {
    const { texts } = await run(ask, [
      { type: 'text', text: 'one@example.com' },
      { type: 'choose', value: 'member' },
      { type: 'choose', value: 'none' },
      { type: 'text', text: 'uses:3' },
    ]);
    expect(texts[texts.length - 1]).toMatch(/could not read that/);
  });

  it('refuses addresses and group names that do not fit', async () => {
    const { texts } = await run(ask, [
      { type: 'text', text: 'not-an-email' },
      { type: 'text', text: 'a@example.com' },
      { type: 'choose', value: 'member' },
      { type: 'text', text: 'bad;name' },
    ]);
    expect(texts.join('\n')).toMatch(/do not all look like email addresses[\s\S]*Group names use letters/);
  });

  it('ends without creating anything when cancelled at the confirmation', async () => {
    const created: InviteDraft[] = [];
    const { step } = await run(
      { input: { actorId: 'a', draft: { role: 'member' }, oneLine: true } },
      [{ type: 'choose', value: 'cancel' }],
      created,
    );
    expect(step.persisted).toBeUndefined();
    expect(created).toEqual([]);
  });

  it('reports a refusal from creating as a failure for the engine to word', async () => {
    const machine = inviteFlow.provide({
      actors: {
        createInvites: fromPromise(async () =>
          Promise.reject(Object.assign(new Error('x'), { code: 'seat_limit' })),
        ),
      },
    });
    const start = await stepFlow(machine, { input: { actorId: 'a', draft: {}, oneLine: true } }, undefined);
    const done = await stepFlow(machine, { snapshot: start.persisted }, { type: 'choose', value: 'create' });
    expect(done.emitted.map((e) => e.type)).toEqual(['failed']);
    expect(done.persisted).toBeUndefined();
  });
});
