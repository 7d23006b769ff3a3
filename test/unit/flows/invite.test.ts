import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { inviteFlow, type InviteDraft } from '../../../flows/invite.js';
import { stepFlow } from '../../../src/engine/flow-runner.js';
import type { FlowEmitted, FlowEvent } from '../../../flows/types.js';
import { stepThrough } from '../../support/flow-steps.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Text } from '../../../src/i18n/message.js';

const EXISTING_GROUPS = [{ name: 'Ops' }, { name: 'Design' }, { name: 'Field Sales' }];

function withCreate(created: InviteDraft[]) {
  return inviteFlow.provide({
    actors: {
      createInvites: fromPromise(async ({ input }) => {
        created.push(input.draft);
        return { issued: 'the link' };
      }),
      listGroupOptions: fromPromise(async () => EXISTING_GROUPS),
    },
  });
}

async function run(input: Parameters<typeof stepFlow>[1], events: FlowEvent[], created: InviteDraft[] = []) {
  const machine = withCreate(created);
  let step = await stepFlow(machine, input, undefined);
  const texts = step.emitted.map((e) => ('text' in e ? translate('en', e.text) : e.type));
  for (const event of events) {
    step = await stepFlow(machine, { snapshot: step.persisted }, event);
    texts.push(...step.emitted.map((e) => ('text' in e ? translate('en', e.text) : e.type)));
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

  describe('each answer is checked when given and its step asked again', () => {
    const replies = (emitted: FlowEmitted[]) => emitted.flatMap((e) => (e.type === 'reply' ? [e] : []));
    const texts = (emitted: FlowEmitted[]) =>
      replies(emitted)
        .map((r) => r.text)
        .join('\n');

    it('names the words that are not email addresses and waits for them again', async () => {
      const steps = await stepThrough(withCreate([]), ask.input, [
        { type: 'text', text: 'ana@example.com bob-at-example' },
        { type: 'text', text: 'ana@example.com bob@example.com' },
      ]);
      expect(texts(steps[1]!.emitted)).toMatch(/“bob-at-example” is not one/);
      expect(texts(steps[1]!.emitted)).not.toMatch(/ana@example.com/);
      expect(texts(steps[2]!.emitted)).toMatch(/Which role/);
    });

    it('takes a typed role and asks again for anything else', async () => {
      const steps = await stepThrough(withCreate([]), ask.input, [
        { type: 'choose', value: 'anyone' },
        { type: 'text', text: 'boss' },
        { type: 'text', text: 'Admin' },
        { type: 'choose', value: 'none' },
        { type: 'choose', value: 'defaults' },
      ]);
      expect(texts(steps[2]!.emitted)).toMatch(/Member or Admin/);
      expect(texts(steps[3]!.emitted)).toMatch(/Which groups/);
      expect(texts(steps[5]!.emitted)).toMatch(/as admin in no group/);
    });

    it('asks for a group that does not exist again, keeping the answers before it', async () => {
      const created: InviteDraft[] = [];
      const steps = await stepThrough(withCreate(created), ask.input, [
        { type: 'text', text: 'ana@example.com' },
        { type: 'choose', value: 'admin' },
        { type: 'text', text: 'Opps, Design' },
        { type: 'text', text: 'ops, field sales' },
        { type: 'choose', value: 'defaults' },
        { type: 'choose', value: 'create' },
      ]);
      expect(texts(steps[3]!.emitted)).toMatch(
        /There is no group “Opps”\. The groups are Ops, Design, Field Sales/,
      );
      expect(steps[3]!.persisted).toBeDefined();
      expect(created).toEqual([
        expect.objectContaining({
          emails: ['ana@example.com'],
          role: 'admin',
          groupNames: ['Ops', 'Field Sales'],
        }),
      ]);
    });

    it('says which option does not fit, in the words the person writes', async () => {
      const steps = await stepThrough(withCreate([]), ask.input, [
        { type: 'text', text: 'ana@example.com' },
        { type: 'choose', value: 'member' },
        { type: 'choose', value: 'none' },
        { type: 'text', text: 'uses:0' },
        { type: 'text', text: 'expires:400d' },
        { type: 'text', text: 'uses:3' },
        { type: 'text', text: 'soon' },
        { type: 'text', text: 'expires:14d label:"Spring hires"' },
      ]);
      expect(texts(steps[4]!.emitted)).toMatch(/Uses is a whole number from 1 to 1000, like uses:5/);
      expect(texts(steps[5]!.emitted)).toMatch(/Expiry is a number of days from 1 to 90, like expires:14d/);
      expect(texts(steps[6]!.emitted)).toMatch(/invite to an email address has 1 use/);
      expect(texts(steps[7]!.emitted)).toMatch(/“soon” is not an option/);
      expect(texts(steps[8]!.emitted)).toMatch(/valid 14 days, label “Spring hires”\?$/);
    });
  });

  describe('groups are chosen with toggle buttons', () => {
    const groupsReply = (emitted: FlowEmitted[]) => {
      const reply = emitted.find((e) => e.type === 'reply' && /Which groups/.test(translate('en', e.text)));
      if (reply?.type !== 'reply') throw new Error('the groups question was not asked');
      return reply;
    };
    const labels = (emitted: FlowEmitted[]) =>
      (groupsReply(emitted).choices ?? []).flat().map((c) => c.label);

    it('marks selected groups with ✓, unselects on a second tap, and takes them with Done', async () => {
      const created: InviteDraft[] = [];
      const steps = await stepThrough(withCreate(created), ask.input, [
        { type: 'choose', value: 'anyone' },
        { type: 'choose', value: 'member' },
        { type: 'choose', value: 'group:0' },
        { type: 'choose', value: 'group:1' },
        { type: 'choose', value: 'group:0' },
        { type: 'choose', value: 'group:2' },
        { type: 'choose', value: 'done' },
        { type: 'choose', value: 'defaults' },
        { type: 'choose', value: 'create' },
      ]);
      expect(labels(steps[2]!.emitted)).toEqual(['Ops', 'Design', 'Field Sales', 'No groups']);
      expect(labels(steps[4]!.emitted)).toEqual(['✓ Ops', '✓ Design', 'Field Sales', 'Done']);
      expect(labels(steps[5]!.emitted)).toEqual(['Ops', '✓ Design', 'Field Sales', 'Done']);
      expect(groupsReply(steps[6]!.emitted).text).toMatch(/Selected: Design, Field Sales/);
      expect(created[0]?.groupNames).toEqual(['Design', 'Field Sales']);
    });

    it('offers buttons for the first 24 groups only and takes the others typed', async () => {
      const many = Array.from({ length: 30 }, (_, i) => ({ name: `Team ${String(i).padStart(2, '0')}` }));
      const created: InviteDraft[] = [];
      const machine = inviteFlow.provide({
        actors: {
          createInvites: fromPromise(async ({ input }) => {
            created.push(input.draft);
            return { issued: 'the link' };
          }),
          listGroupOptions: fromPromise(async () => many),
        },
      });
      const steps = await stepThrough(machine, ask.input, [
        { type: 'choose', value: 'anyone' },
        { type: 'choose', value: 'member' },
        { type: 'choose', value: 'group:24' },
        { type: 'text', text: 'team 29, Team 00' },
        { type: 'choose', value: 'defaults' },
        { type: 'choose', value: 'create' },
      ]);
      const question = groupsReply(steps[2]!.emitted);
      expect(labels(steps[2]!.emitted)).toEqual([...many.slice(0, 24).map((g) => g.name), 'No groups']);
      expect(translate('en', question.text)).toMatch(
        /\nOnly the first 24 of 30 groups have buttons; for the others, send all the names, separated by commas\.$/,
      );
      expect(labels(steps[3]!.emitted)).not.toContain('✓ Team 24');
      expect(created[0]?.groupNames).toEqual(['Team 29', 'Team 00']);
    });

    it("gives each toggle a short value that fits Telegram's 64-byte callback data", async () => {
      const long = Array.from({ length: 8 }, (_, i) => ({
        name: `${'Regional operations team '.repeat(3)}${i}`,
      }));
      const machine = inviteFlow.provide({
        actors: {
          createInvites: fromPromise(async () => ({ issued: '' as Text })),
          listGroupOptions: fromPromise(async () => long),
        },
      });
      const steps = await stepThrough(machine, ask.input, [
        { type: 'choose', value: 'anyone' },
        { type: 'choose', value: 'member' },
      ]);
      const values = (groupsReply(steps[2]!.emitted).choices ?? []).flat().map((c) => c.value);
      expect(values).toContain('group:7');
      for (const value of values) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(16);
    });
  });
});
