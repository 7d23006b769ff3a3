import { describe, expect, it } from 'vitest';
import { fromPromise, initialTransition, transition } from 'xstate';
import { manageUserFlow, type UserPanel } from '../../../flows/manage-user.js';
import type { FlowEmitted, FlowEvent } from '../../../flows/types.js';
import { stepFlow } from '../../../src/engine/flow-runner.js';
import { stepThrough } from '../../support/flow-steps.js';
import { msg } from '../../../src/i18n/message.js';

const input = { actorId: 'admin-1', userId: 'user-1' };

const adaPanel: UserPanel = {
  name: 'Ada',
  email: 'ada@example.com',
  role: 'member',
  status: 'active',
  groups: ['Ops'],
  platforms: ['telegram', 'slack'],
  lastSeen: msg('fact-seen-days-ago', { days: 2 }),
  allGroups: ['Ops', 'Dev'],
  openInvites: 0,
  liveResetLinks: 0,
};

interface Fakes {
  panel: UserPanel;
  calls: { effect: string; input: unknown }[];
  failWith?: Error;
}

/** The flow with every effect faked: each records its input, and fails with `failWith` when set. */
function withFakes(fakes: Fakes) {
  const record = (effect: string, input: unknown) => {
    fakes.calls.push({ effect, input });
    if (fakes.failWith) throw fakes.failWith;
  };
  return manageUserFlow.provide({
    actors: {
      loadPanel: fromPromise(async ({ input }) => {
        fakes.calls.push({ effect: 'loadPanel', input });
        return fakes.panel;
      }),
      changeRole: fromPromise(async ({ input }) => record('changeRole', input)),
      setGroups: fromPromise(async ({ input }) => {
        record('setGroups', input);
        return input.groupNames;
      }),
      issueResetLink: fromPromise(async ({ input }) => {
        record('issueResetLink', input);
        return { instructions: ['Telegram: https://t.me/bot?start=r_abc', 'Slack or console: /start r_abc'] };
      }),
      deactivate: fromPromise(async ({ input }) => record('deactivate', input)),
      reactivate: fromPromise(async ({ input }) => record('reactivate', input)),
    },
  });
}

function fakes(panel: Partial<UserPanel> = {}): Fakes {
  return { panel: { ...adaPanel, ...panel }, calls: [] };
}

/** Runs the flow from its start through `events`, one stored step each, as the engine does. */
async function run(f: Fakes, events: FlowEvent[], start: object = input) {
  const steps = await stepThrough(withFakes(f), start, events);
  return { step: steps.at(-1)!, steps };
}

const choose = (value: string): FlowEvent => ({ type: 'choose', value });
const texts = (emitted: FlowEmitted[]) => emitted.map((e) => (e.type === 'reply' ? e.text : e.type));
const effectCalls = (f: Fakes) => f.calls.filter((c) => c.effect !== 'loadPanel');

describe('manage-user flow', () => {
  it('shows the panel with the actions that apply to the person', async () => {
    const { step } = await run(fakes(), []);
    expect(step.emitted).toEqual([
      {
        type: 'reply',
        text:
          'Ada <ada@example.com>\nRole: member\nStatus: Active\nGroups: Ops\n' +
          'Chats: telegram, slack\nLast seen: 2 days ago',
        choices: [
          [
            { label: 'Make admin', value: 'role' },
            { label: 'Groups', value: 'groups' },
          ],
          [
            { label: 'Reset password link', value: 'reset' },
            { label: 'Deactivate', value: 'deactivate' },
          ],
          [{ label: 'Done', value: 'done' }],
        ],
      },
    ]);
  });

  it('offers only Reactivate and Delete for a deactivated person, and words empty fields as /profile does', async () => {
    const { step } = await run(
      fakes({
        role: 'admin',
        status: 'deactivated',
        email: null,
        groups: [],
        platforms: [],
        lastSeen: msg('fact-seen-never'),
      }),
      [],
    );
    const [panel] = step.emitted;
    expect(panel).toMatchObject({
      text: 'Ada\nRole: admin\nStatus: Deactivated\nGroups: none\nChats: none\nLast seen: never',
      choices: [
        [
          { label: 'Reactivate', value: 'reactivate' },
          { label: 'Delete', value: 'delete', command: '/delete user-1' },
        ],
        [{ label: 'Done', value: 'done' }],
      ],
    });
  });

  it('makes a member an admin once the admin confirms, and shows the refreshed panel', async () => {
    const f = fakes();
    const { steps } = await run(f, [choose('role'), choose('yes')]);
    expect(steps[1]!.emitted).toEqual([
      {
        type: 'reply',
        text:
          'Make Ada <ada@example.com> an admin? ' +
          'They will be able to invite, change roles and groups, and read the audit trail.',
        choices: [
          [
            { label: 'Yes, make admin', value: 'yes' },
            { label: 'No', value: 'no' },
          ],
        ],
      },
    ]);
    expect(effectCalls(f)).toEqual([{ effect: 'changeRole', input: { ...input, role: 'admin' } }]);
    expect(texts(steps[2]!.emitted)[0]).toBe('Ada is now an admin.');
    expect(texts(steps[2]!.emitted)[1]).toContain('Role: member');
    expect(f.calls.filter((c) => c.effect === 'loadPanel')).toHaveLength(3);
  });

  it('says which open invites and reset links a demotion revokes before making an admin a member', async () => {
    const f = fakes({ role: 'admin', openInvites: 2, liveResetLinks: 1 });
    const { steps } = await run(f, [choose('role'), choose('yes')]);
    expect(texts(steps[1]!.emitted)).toEqual([
      'Make Ada <ada@example.com> a member?\nAda has 2 open invites and 1 live reset link; they will be revoked.',
    ]);
    expect(effectCalls(f)).toEqual([{ effect: 'changeRole', input: { ...input, role: 'member' } }]);
    expect(texts(steps[2]!.emitted)[0]).toBe('Ada is now a member.');
  });

  it('changes no role when the admin says No', async () => {
    const f = fakes();
    const { step } = await run(f, [choose('role'), choose('no')]);
    expect(effectCalls(f)).toEqual([]);
    expect(texts(step.emitted)[0]).toContain('Role: member');
  });

  it('with a role intent names who the handle found, and asks first', async () => {
    const f = fakes({ role: 'admin', openInvites: 1 });
    const { steps } = await run(f, [choose('yes')], { ...input, intent: 'member', via: '@ada on Slack' });
    expect(texts(steps[0]!.emitted)).toEqual([
      'Make Ada <ada@example.com> (@ada on Slack) a member?\nAda has 1 open invite; it will be revoked.',
    ]);
    expect(effectCalls(f)).toEqual([{ effect: 'changeRole', input: { ...input, role: 'member' } }]);
  });

  it('with a role intent the person already has, lets the rules say so and shows the panel', async () => {
    const f = fakes({ role: 'admin' });
    f.failWith = Object.assign(new Error('Ada is already an admin'), { code: 'no_change' });
    const { step } = await run(f, [], { ...input, intent: 'admin' });
    expect(step.emitted.map((e) => e.type)).toEqual(['failed', 'reply']);
    expect(effectCalls(f)).toEqual([{ effect: 'changeRole', input: { ...input, role: 'admin' } }]);
    expect(step.persisted).toBeDefined();
  });

  describe('groups are chosen with toggle buttons', () => {
    const labels = (emitted: FlowEmitted[]) =>
      emitted.flatMap((e) => (e.type === 'reply' ? (e.choices ?? []).flat().map((c) => c.label) : []));

    it("ticks the person's groups, toggles on each tap, and saves the set on Done in one call", async () => {
      const f = fakes({ allGroups: ['Dev', 'Ops', 'Sales'] });
      const { steps } = await run(f, [
        choose('groups'),
        choose('group:0'),
        choose('group:1'),
        choose('group:2'),
        choose('group:2'),
        choose('done'),
      ]);
      expect(steps[1]!.emitted).toEqual([
        {
          type: 'reply',
          text:
            'Which groups should Ada be in? Selected: Ops. ' +
            'Tap groups to select or unselect them, then Done; or send all the names, separated by commas.',
          choices: [
            [
              { label: 'Dev', value: 'group:0' },
              { label: '✓ Ops', value: 'group:1' },
            ],
            [{ label: 'Sales', value: 'group:2' }],
            [
              { label: 'Done', value: 'done' },
              { label: 'Cancel', value: 'cancel' },
            ],
          ],
        },
      ]);
      expect(labels(steps[2]!.emitted)).toEqual(['✓ Dev', '✓ Ops', 'Sales', 'Done', 'Cancel']);
      expect(labels(steps[3]!.emitted)).toEqual(['✓ Dev', 'Ops', 'Sales', 'Done', 'Cancel']);
      expect(labels(steps[4]!.emitted)).toEqual(['✓ Dev', 'Ops', '✓ Sales', 'Done', 'Cancel']);
      expect(texts(steps[5]!.emitted)[0]).toMatch(/^Which groups should Ada be in\? Selected: Dev\. /);
      expect(effectCalls(f)).toEqual([{ effect: 'setGroups', input: { ...input, groupNames: ['Dev'] } }]);
      expect(texts(steps[6]!.emitted)[0]).toBe('Groups of Ada: Dev.');
      expect(texts(steps[6]!.emitted)[1]).toContain('Role: member');
    });

    it('goes back to the panel without saving when Done changes nothing', async () => {
      const f = fakes();
      const { step } = await run(f, [choose('groups'), choose('group:1'), choose('group:1'), choose('done')]);
      expect(effectCalls(f)).toEqual([]);
      expect(texts(step.emitted)).toEqual([expect.stringMatching(/^Ada <ada@example\.com>\nRole: member/)]);
    });

    it('takes typed names as the whole list', async () => {
      const f = fakes();
      const { step } = await run(f, [choose('groups'), { type: 'text', text: ' Ops, Dev ,ops,, ' }]);
      expect(effectCalls(f)).toEqual([
        { effect: 'setGroups', input: { ...input, groupNames: ['Ops', 'Dev'] } },
      ]);
      expect(texts(step.emitted)[0]).toBe('Groups of Ada: Ops, Dev.');
    });

    it('removes every group when all are unticked before Done', async () => {
      const f = fakes();
      const { steps } = await run(f, [choose('groups'), choose('group:0'), choose('done')]);
      expect(texts(steps[2]!.emitted)[0]).toMatch(/^Which groups should Ada be in\? None selected yet\. /);
      expect(effectCalls(f)).toEqual([{ effect: 'setGroups', input: { ...input, groupNames: [] } }]);
      expect(texts(steps[3]!.emitted)[0]).toBe('Groups of Ada: none.');
    });

    it('asks again with its toggles for text without a name, and changes nothing on Cancel', async () => {
      const f = fakes();
      const { steps } = await run(f, [
        choose('groups'),
        choose('group:1'),
        { type: 'text', text: ' , ' },
        choose('cancel'),
      ]);
      expect(texts(steps[3]!.emitted)[0]).toMatch(
        /^There is no group name in that\.\nWhich groups should Ada be in\? Selected: Ops, Dev\. /,
      );
      expect(labels(steps[3]!.emitted)).toEqual(['✓ Ops', '✓ Dev', 'Done', 'Cancel']);
      expect(texts(steps[4]!.emitted)[0]).toContain('Role: member');
      expect(effectCalls(f)).toEqual([]);
    });

    it('says there are no groups yet when there are none', async () => {
      const { step } = await run(fakes({ groups: [], allGroups: [] }), [choose('groups')]);
      expect(texts(step.emitted)[0]).toBe(
        'Which groups should Ada be in? None selected yet. There are no groups yet.',
      );
      expect(labels(step.emitted)).toEqual(['Done', 'Cancel']);
    });

    it('offers buttons for the first 24 groups only, keeps the others it is in, and says to type them', async () => {
      const allGroups = Array.from(
        { length: 30 },
        (_, i) => `Regional operations team ${String(i).padStart(2, '0')}`,
      );
      const f = fakes({ groups: [allGroups[0]!, allGroups[29]!], allGroups });
      const { steps } = await run(f, [choose('groups'), choose('group:23'), choose('done')]);
      const [question] = steps[1]!.emitted;
      if (question?.type !== 'reply') throw new Error('no question');
      const toggles = (question.choices ?? []).flat().filter((c) => c.value.startsWith('group:'));
      expect(toggles).toHaveLength(24);
      expect(toggles[0]!.label).toBe('✓ Regional operations team 00');
      for (const toggle of toggles) expect(Buffer.byteLength(toggle.value)).toBeLessThanOrEqual(16);
      expect(question.text).toMatch(
        /\nOnly the first 24 of 30 groups have buttons; for the others, send all the names, separated by commas\.$/,
      );
      expect(effectCalls(f)).toEqual([
        {
          effect: 'setGroups',
          input: { ...input, groupNames: [allGroups[0], allGroups[29], allGroups[23]] },
        },
      ]);
    });
  });

  it('sends the reset link privately and tells the admin how to pass it on', async () => {
    const f = fakes();
    const { step } = await run(f, [choose('reset')]);
    expect(effectCalls(f)).toEqual([{ effect: 'issueResetLink', input }]);
    expect(step.emitted.slice(0, 2)).toEqual([
      {
        type: 'reply',
        text: 'Password reset link for Ada:\nTelegram: https://t.me/bot?start=r_abc\nSlack or console: /start r_abc',
        private: true,
      },
      { type: 'reply', text: 'Send it to Ada privately; it works once, for 7 days.' },
    ]);
    expect(JSON.stringify(step.persisted)).not.toContain('r_abc');
  });

  it('deactivates only after the admin confirms', async () => {
    const f = fakes();
    const { steps } = await run(f, [choose('deactivate'), choose('yes')]);
    expect(texts(steps[1]!.emitted)).toEqual([
      'Deactivate Ada <ada@example.com>? They lose access at once; their data stays and you can reactivate them.',
    ]);
    expect(effectCalls(f)).toEqual([{ effect: 'deactivate', input }]);
    expect(texts(steps[2]!.emitted)[0]).toBe('Ada is deactivated.');
  });

  it('offers on the own panel only what the rules allow for oneself: no demotion, no deactivation', async () => {
    const own = { actorId: 'admin-1', userId: 'admin-1' };
    const { step } = await run(fakes({ role: 'admin' }), [], own);
    expect(step.emitted[0]).toMatchObject({
      choices: [
        [{ label: 'Groups', value: 'groups' }],
        [{ label: 'Reset password link', value: 'reset' }],
        [{ label: 'Done', value: 'done' }],
      ],
    });
  });

  it.each([
    ['deactivate', 'deactivate'],
    ['member', 'changeRole'],
  ] as const)(
    'with the %s intent for oneself asks nothing and lets the rules refuse',
    async (intent, effect) => {
      const own = { actorId: 'admin-1', userId: 'admin-1' };
      const f = fakes({ role: 'admin' });
      const refused = Object.assign(new Error('self'), { code: 'self_action' });
      f.failWith = refused;
      const { step } = await run(f, [], { ...own, intent });
      expect(effectCalls(f).map((c) => c.effect)).toEqual([effect]);
      expect(step.emitted[0]).toEqual({ type: 'failed', error: refused });
      expect(texts(step.emitted)[1]).toContain('Role: admin');
    },
  );

  it('reactivates a deactivated person', async () => {
    const f = fakes({ status: 'deactivated' });
    const { step } = await run(f, [choose('reactivate')]);
    expect(effectCalls(f)).toEqual([{ effect: 'reactivate', input }]);
    expect(texts(step.emitted)[0]).toBe('Ada is active again.');
  });

  it('with the deactivate intent asks for confirmation first, and No changes nothing', async () => {
    const f = fakes();
    const { steps } = await run(f, [choose('no')], {
      ...input,
      intent: 'deactivate',
      via: '@ada on Telegram',
    });
    expect(texts(steps[0]!.emitted)).toEqual([
      'Deactivate Ada <ada@example.com> (@ada on Telegram)? They lose access at once; their data stays and you can reactivate them.',
    ]);
    expect(effectCalls(f)).toEqual([]);
    expect(texts(steps[1]!.emitted)[0]).toContain('Status: Active');
    expect(steps[1]!.persisted).toBeDefined();
  });

  it('shows the panel instead of asking when the deactivate intent meets a deactivated person', async () => {
    const { step } = await run(fakes({ status: 'deactivated' }), [], { ...input, intent: 'deactivate' });
    expect(texts(step.emitted)[0]).toContain('Status: Deactivated');
  });

  it('says which open invites deactivating an admin revokes', async () => {
    const { step } = await run(fakes({ role: 'admin', openInvites: 1 }), [], {
      ...input,
      intent: 'deactivate',
    });
    expect(texts(step.emitted)[0]).toMatch(/reactivate them\.\nAda has 1 open invite; it will be revoked\.$/);
  });

  it.each([
    ['role', [choose('role'), choose('yes')]],
    ['groups', [choose('groups'), { type: 'text', text: 'Nope' } as FlowEvent]],
    ['reset', [choose('reset')]],
    ['deactivate', [choose('deactivate'), choose('yes')]],
  ])('returns to the panel with a failed event when %s fails', async (_, events) => {
    const f = fakes();
    const refused = Object.assign(new Error('refused'), { code: 'last_admin' });
    f.failWith = refused;
    const { step } = await run(f, events);
    expect(step.emitted[0]).toEqual({ type: 'failed', error: refused });
    expect(texts(step.emitted)[1]).toContain('Role: member');
    expect(step.persisted).toBeDefined();
  });

  it('returns to the panel with a failed event when reactivation fails', async () => {
    const f = fakes({ status: 'deactivated' });
    f.failWith = Object.assign(new Error('full'), { code: 'seat_limit' });
    const { step } = await run(f, [choose('reactivate')]);
    expect(step.emitted.map((e) => e.type)).toEqual(['failed', 'reply']);
    expect(step.persisted).toBeDefined();
  });

  it('ends with a failed event when the panel cannot be loaded', async () => {
    const failing = manageUserFlow.provide({
      actors: { loadPanel: fromPromise(() => Promise.reject(new Error('unknown user'))) },
    });
    const step = await stepFlow(failing, { input }, undefined);
    expect(step.emitted.map((e) => e.type)).toEqual(['failed']);
    expect(step.persisted).toBeUndefined();
  });

  it('ends with Done.', async () => {
    const f = fakes();
    const { step } = await run(f, [choose('done')]);
    expect(step.emitted).toEqual([{ type: 'reply', text: 'Done.' }]);
    expect(step.persisted).toBeUndefined();
    expect(effectCalls(f)).toEqual([]);
  });

  it('keeps only ids and short strings in its snapshot', async () => {
    const manyGroups = Array.from({ length: 200 }, (_, i) => `Group number ${i}`);
    const { step } = await run(fakes({ allGroups: manyGroups }), [choose('groups')]);
    const saved = JSON.stringify(step.persisted);
    expect(saved.length).toBeLessThan(2048);
    expect(saved).not.toContain('ada@example.com');
    expect(saved).not.toContain('telegram');
  });

  it('reaches every state', () => {
    const machine = manageUserFlow.provide({});
    const done = (output: unknown) => ({ type: 'xstate.done.actor.0.manageUser.loading', output }) as never;
    const [start] = initialTransition(machine, input);
    expect(start.value).toBe('loading');
    const [panel] = transition(machine, start, done(adaPanel));
    expect(panel.value).toBe('panel');
    expect(panel.hasTag('waiting')).toBe(true);
    const next = (value: string) => transition(machine, panel, choose(value))[0].value;
    expect(next('role')).toBe('loading');
    expect(next('groups')).toBe('askingGroups');
    expect(next('reset')).toBe('issuingReset');
    expect(next('deactivate')).toBe('loading');
    expect(next('reactivate')).toBe('reactivating');
    expect(next('done')).toBe('ended');
    const [asking] = transition(machine, panel, choose('groups'));
    expect(asking.hasTag('waiting')).toBe(true);
    expect(transition(machine, asking, { type: 'text', text: 'Ops' })[0].value).toBe('settingGroups');
    const [toggledOnce] = transition(machine, asking, choose('group:0'));
    expect(toggledOnce.value).toBe('askingGroups');
    expect(transition(machine, toggledOnce, choose('done'))[0].value).toBe('settingGroups');
    expect(transition(machine, asking, choose('done'))[0].value).toBe('loading');
    expect(transition(machine, asking, choose('cancel'))[0].value).toBe('loading');
    const loaded = (intent: string, panelData = adaPanel) =>
      transition(machine, initialTransition(machine, { ...input, intent } as never)[0], done(panelData))[0];
    const confirming = loaded('deactivate');
    expect(confirming.value).toBe('confirmingDeactivate');
    expect(confirming.hasTag('waiting')).toBe(true);
    expect(transition(machine, confirming, choose('yes'))[0].value).toBe('deactivating');
    expect(transition(machine, confirming, choose('no'))[0].value).toBe('loading');
    const confirmingRole = loaded('admin');
    expect(confirmingRole.value).toBe('confirmingRole');
    expect(confirmingRole.hasTag('waiting')).toBe(true);
    expect(transition(machine, confirmingRole, choose('yes'))[0].value).toBe('changingRole');
    expect(transition(machine, confirmingRole, choose('no'))[0].value).toBe('loading');
    expect(loaded('member').value).toBe('changingRole');
    expect(loaded('admin', { ...adaPanel, status: 'deactivated' }).value).toBe('changingRole');
    const [, actions] = transition(machine, panel, { type: 'text', text: 'hello' });
    expect(actions.some((a) => (a.type as string) === 'xstate.emit')).toBe(true);
  });
});
