import { assign, emit, fromPromise, setup } from 'xstate';
import { notProvided, type FlowEmitted, type FlowEvent } from './types.js';
import { joined, msg, type Message } from '../src/i18n/message.js';
import { CANCEL_CHOICE, chose, isCancel, reportFailure } from './kit.js';
import { isToggle, MAX_GROUP_TOGGLES, toggled, toggleOptions, toggleRows } from './group-toggles.js';
import {
  confirmDeactivate,
  confirmRole,
  listOrNone,
  panelReply,
  type Role,
  type UserPanel,
} from './manage-user-replies.js';

export type { UserPanel } from './manage-user-replies.js';

type Status = UserPanel['status'];

interface Target {
  actorId: string;
  userId: string;
}

/** A change that waits for the panel to load, then for the admin's yes: deactivate, or a new role. */
type Intent = 'deactivate' | Role;

export interface ManageUserInput extends Target {
  intent?: Intent;
  /** How the admin's words found the person ("@bob on Slack"), repeated in confirmations. */
  via?: string;
}

interface ManageUserContext extends Target {
  intent: Intent | null;
  via: string | null;
  name: string;
  role: Role;
  status: Status;
  /** The person's groups when the panel loaded. */
  groups: string[];
  /** The groups that have a toggle button, in the order of the buttons; `groupCount` counts them all. */
  groupOptions: string[];
  groupCount: number;
  /** The groups ticked so far while choosing; saved on Done. */
  selectedGroups: string[];
}

const MAX_VIA_CHARS = 100;

function capped(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What is kept from a loaded panel: of all the group names, only those that have buttons. */
function shownPanel(
  panel: UserPanel,
): Pick<ManageUserContext, 'name' | 'role' | 'status' | 'groups' | 'groupOptions' | 'groupCount'> {
  return {
    name: panel.name,
    role: panel.role,
    status: panel.status,
    groups: panel.groups,
    groupOptions: toggleOptions(panel.allGroups),
    groupCount: panel.allGroups.length,
  };
}

/** The ticked groups are the ones the person is in. */
function isUnchanged(context: ManageUserContext): boolean {
  const { groups, selectedGroups } = context;
  return selectedGroups.length === groups.length && selectedGroups.every((name) => groups.includes(name));
}

/** The groups question: the toggles with the selected ones ticked, then Done or Cancel. */
function groupsQuestion(context: ManageUserContext, lead?: Message): FlowEmitted {
  const selected = context.selectedGroups;
  const question = msg('manage-ask-groups', {
    name: context.name,
    count: selected.length,
    selected: selected.join(', '),
    groups: context.groupCount > 0 ? 'some' : 'none',
  });
  const more =
    context.groupCount > MAX_GROUP_TOGGLES
      ? [msg('group-toggles-more', { shown: MAX_GROUP_TOGGLES, total: context.groupCount })]
      : [];
  return {
    type: 'reply',
    text: joined([...(lead ? [lead] : []), question, ...more], 'line'),
    choices: [
      ...toggleRows(context.groupOptions, selected),
      [{ label: msg('manage-done'), value: 'done' }, CANCEL_CHOICE],
    ],
  };
}

function isRole(intent: Intent | null): intent is Role {
  return intent === 'admin' || intent === 'member';
}

/** The admin is looking at their own panel. */
function isOwnPanel(context: Target): boolean {
  return context.actorId === context.userId;
}

/** Comma-separated group names from a text reply, trimmed and without repeats. */
function parseGroupNames(text: string): string[] {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  return names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i);
}

/**
 * An admin's panel for one person: role, groups, reset link, (de)activation, each change confirmed
 * where it takes something away or grants admin; refreshed after each. A deactivated person's panel
 * offers only Reactivate and Delete; the own panel offers no role change or deactivation. With an intent (`/role`, `/deactivate`) it asks that change's question first.
 */
export const manageUserFlow = setup({
  types: {
    context: {} as ManageUserContext,
    events: {} as FlowEvent,
    input: {} as ManageUserInput,
    emitted: {} as FlowEmitted,
  },
  actors: {
    loadPanel: fromPromise<UserPanel, Target>(() => notProvided('loadPanel')),
    changeRole: fromPromise<void, Target & { role: Role }>(() => notProvided('changeRole')),
    setGroups: fromPromise<string[], Target & { groupNames: string[] }>(() => notProvided('setGroups')),
    issueResetLink: fromPromise<{ instructions: string[] }, Target>(() => notProvided('issueResetLink')),
    sendResetLink: fromPromise<{ sent: boolean }, Target>(() => notProvided('sendResetLink')),
    deactivate: fromPromise<void, Target>(() => notProvided('deactivate')),
    reactivate: fromPromise<void, Target>(() => notProvided('reactivate')),
  },
  guards: {
    chose,
    isCancel,
  },
  actions: {
    forgetIntent: assign({ intent: null }),
  },
}).createMachine({
  id: 'manageUser',
  context: ({ input }) => ({
    actorId: input.actorId,
    userId: input.userId,
    intent: input.intent ?? null,
    via: input.via ? capped(input.via, MAX_VIA_CHARS) : null,
    name: '',
    role: 'member',
    status: 'active',
    groups: [],
    groupOptions: [],
    groupCount: 0,
    selectedGroups: [],
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadPanel',
        input: ({ context }) => ({ actorId: context.actorId, userId: context.userId }),
        onDone: [
          {
            // Nothing to confirm: the rules refuse deactivating oneself, and say so.
            guard: ({ context }) => context.intent === 'deactivate' && isOwnPanel(context),
            target: 'deactivating',
            actions: assign(({ event }) => shownPanel(event.output)),
          },
          {
            guard: ({ context, event }) =>
              context.intent === 'deactivate' && event.output.status === 'active',
            target: 'confirmingDeactivate',
            actions: [
              assign(({ event }) => shownPanel(event.output)),
              emit(({ context, event }) => confirmDeactivate(event.output, context.via)),
            ],
          },
          {
            guard: ({ context, event }) =>
              isRole(context.intent) &&
              !isOwnPanel(context) &&
              event.output.status === 'active' &&
              event.output.role !== context.intent,
            target: 'confirmingRole',
            actions: [
              assign(({ event }) => shownPanel(event.output)),
              emit(({ context, event }) => confirmRole(event.output, context.via, context.intent as Role)),
            ],
          },
          {
            // Nothing to confirm (one's own role, already that role, or frozen): the rules say why.
            guard: ({ context }) => isRole(context.intent),
            target: 'changingRole',
            actions: assign(({ event }) => shownPanel(event.output)),
          },
          {
            target: 'panel',
            actions: [
              assign(({ event }) => ({ ...shownPanel(event.output), intent: null })),
              emit(({ context, event }) => panelReply(event.output, context.userId, isOwnPanel(context))),
            ],
          },
        ],
        onError: {
          target: 'ended',
          actions: emit(reportFailure),
        },
      },
    },
    panel: {
      tags: ['waiting'],
      on: {
        choose: [
          {
            guard: { type: 'chose', params: 'role' },
            target: 'loading',
            actions: assign({ intent: ({ context }) => (context.role === 'admin' ? 'member' : 'admin') }),
          },
          {
            guard: { type: 'chose', params: 'groups' },
            target: 'askingGroups',
            actions: assign({ selectedGroups: ({ context }) => context.groups }),
          },
          { guard: { type: 'chose', params: 'reset' }, target: 'issuingReset' },
          { guard: { type: 'chose', params: 'sendReset' }, target: 'sendingReset' },
          {
            guard: { type: 'chose', params: 'deactivate' },
            target: 'loading',
            actions: assign({ intent: 'deactivate' }),
          },
          { guard: { type: 'chose', params: 'reactivate' }, target: 'reactivating' },
          {
            guard: { type: 'chose', params: 'done' },
            target: 'ended',
            actions: emit({ type: 'reply', text: msg('manage-finished') }),
          },
        ],
        text: { actions: emit({ type: 'reply', text: msg('manage-tap-above') }) },
      },
    },
    confirmingDeactivate: {
      tags: ['waiting'],
      on: {
        choose: [
          { guard: { type: 'chose', params: 'yes' }, target: 'deactivating' },
          { guard: { type: 'chose', params: 'no' }, target: 'loading', actions: 'forgetIntent' },
        ],
      },
    },
    confirmingRole: {
      tags: ['waiting'],
      on: {
        choose: [
          { guard: { type: 'chose', params: 'yes' }, target: 'changingRole' },
          { guard: { type: 'chose', params: 'no' }, target: 'loading', actions: 'forgetIntent' },
        ],
      },
    },
    askingGroups: {
      tags: ['waiting'],
      entry: emit(({ context }) => groupsQuestion(context)),
      on: {
        // Typed names are the whole list, for groups beyond the buttons too; the rules check they exist.
        text: [
          { guard: ({ event }) => parseGroupNames(event.text).length > 0, target: 'settingGroups' },
          { actions: emit(({ context }) => groupsQuestion(context, msg('manage-groups-empty'))) },
        ],
        choose: [
          {
            guard: ({ event }) => isToggle(event.value),
            target: 'askingGroups',
            reenter: true,
            actions: assign({
              selectedGroups: ({ context, event }) =>
                toggled(context.groupOptions, context.selectedGroups, event.value),
            }),
          },
          // Nothing changed: back to the panel, nothing to save.
          {
            guard: ({ context, event }) => chose({ event }, 'done') && isUnchanged(context),
            target: 'loading',
          },
          { guard: { type: 'chose', params: 'done' }, target: 'settingGroups' },
          { guard: 'isCancel', target: 'loading' },
        ],
      },
    },
    changingRole: {
      invoke: {
        src: 'changeRole',
        input: ({ context }) => ({
          actorId: context.actorId,
          userId: context.userId,
          role: isRole(context.intent) ? context.intent : context.role,
        }),
        onDone: {
          target: 'loading',
          actions: [
            emit(({ context }) => ({
              type: 'reply' as const,
              text: msg('manage-role-changed', {
                name: context.name,
                role: context.intent === 'admin' ? 'admin' : 'member',
              }),
            })),
            'forgetIntent',
          ],
        },
        onError: {
          target: 'loading',
          actions: [emit(reportFailure), 'forgetIntent'],
        },
      },
    },
    settingGroups: {
      invoke: {
        src: 'setGroups',
        input: ({ context, event }) => ({
          actorId: context.actorId,
          userId: context.userId,
          groupNames: event.type === 'text' ? parseGroupNames(event.text) : context.selectedGroups,
        }),
        onDone: {
          target: 'loading',
          actions: emit(({ context, event }) => ({
            type: 'reply' as const,
            text: msg('manage-groups-set', { name: context.name, groups: listOrNone(event.output) }),
          })),
        },
        onError: {
          target: 'loading',
          actions: emit(reportFailure),
        },
      },
    },
    issuingReset: {
      invoke: {
        src: 'issueResetLink',
        input: ({ context }) => ({ actorId: context.actorId, userId: context.userId }),
        onDone: {
          target: 'loading',
          actions: [
            emit(({ context, event }) => ({
              type: 'reply' as const,
              text: msg('manage-reset-link', {
                name: context.name,
                instructions: event.output.instructions.join('\n'),
              }),
              private: true,
            })),
            emit(({ context }) => ({
              type: 'reply' as const,
              text: msg('manage-reset-send-privately', { name: context.name }),
            })),
          ],
        },
        onError: {
          target: 'loading',
          actions: emit(reportFailure),
        },
      },
    },
    sendingReset: {
      invoke: {
        src: 'sendResetLink',
        input: ({ context }) => ({ actorId: context.actorId, userId: context.userId }),
        onDone: {
          target: 'loading',
          actions: emit(({ context, event }) => ({
            type: 'reply' as const,
            text: msg(event.output.sent ? 'card-reset-sent' : 'card-reset-unreachable', {
              name: context.name,
            }),
          })),
        },
        onError: {
          target: 'loading',
          actions: emit(reportFailure),
        },
      },
    },
    deactivating: {
      entry: 'forgetIntent',
      invoke: {
        src: 'deactivate',
        input: ({ context }) => ({ actorId: context.actorId, userId: context.userId }),
        onDone: {
          target: 'loading',
          actions: emit(({ context }) => ({
            type: 'reply' as const,
            text: msg('manage-deactivated', { name: context.name }),
          })),
        },
        onError: {
          target: 'loading',
          actions: emit(reportFailure),
        },
      },
    },
    reactivating: {
      invoke: {
        src: 'reactivate',
        input: ({ context }) => ({ actorId: context.actorId, userId: context.userId }),
        onDone: {
          target: 'loading',
          actions: emit(({ context }) => ({
            type: 'reply' as const,
            text: msg('manage-reactivated', { name: context.name }),
          })),
        },
        onError: {
          target: 'loading',
          actions: emit(reportFailure),
        },
      },
    },
    ended: { type: 'final' },
  },
});
