import { assign, emit, fromPromise, setup } from 'xstate';
import { CANCEL_CHOICE, notProvided, type Choice, type FlowEmitted, type FlowEvent } from './types.js';

export const MANAGE_USER_FLOW_VERSION = 1;

type Role = 'admin' | 'member';
type Status = 'active' | 'deactivated';

/** What the panel shows about one person, as display data. */
export interface UserPanel {
  name: string;
  email: string | null;
  role: Role;
  status: Status;
  groups: string[];
  platforms: string[];
  lastSeen: string | null;
  allGroups: string[];
}

interface Target {
  actorId: string;
  userId: string;
}

interface ManageUserContext extends Target {
  intent: 'deactivate' | null;
  name: string;
  role: Role;
  status: Status;
  /** The group names offered when asking for groups, already joined and capped. */
  existingGroups: string;
}

const MAX_EXISTING_GROUPS_CHARS = 300;

function listOrNone(items: string[], none: string): string {
  return items.length > 0 ? items.join(', ') : none;
}

function panelReply(panel: UserPanel): FlowEmitted {
  const choices: Choice[][] = [
    [
      panel.role === 'admin'
        ? { label: 'Make member', value: 'role' }
        : { label: 'Make admin', value: 'role' },
      { label: 'Groups', value: 'groups' },
    ],
    [
      { label: 'Reset password link', value: 'reset' },
      panel.status === 'active'
        ? { label: 'Deactivate', value: 'deactivate' }
        : { label: 'Reactivate', value: 'reactivate' },
    ],
    [{ label: 'Done', value: 'done' }],
  ];
  return {
    type: 'reply',
    text: [
      panel.email ? `${panel.name} <${panel.email}>` : panel.name,
      `Role: ${panel.role === 'admin' ? 'Admin' : 'Member'}`,
      `Status: ${panel.status === 'active' ? 'Active' : 'Deactivated'}`,
      `Groups: ${listOrNone(panel.groups, 'none')}`,
      `Chats: ${listOrNone(panel.platforms, 'none')}`,
      `Last seen: ${panel.lastSeen ?? 'never'}`,
    ].join('\n'),
    choices,
  };
}

function capped(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The display strings kept from a loaded panel; the intent has been served once it loaded. */
function shownPanel(panel: UserPanel): Omit<ManageUserContext, keyof Target> {
  return {
    intent: null,
    name: panel.name,
    role: panel.role,
    status: panel.status,
    existingGroups: capped(panel.allGroups.join(', '), MAX_EXISTING_GROUPS_CHARS),
  };
}

/** Comma-separated group names from a text reply, trimmed and without repeats. */
function parseGroupNames(text: string): string[] {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  return names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i);
}

/** An admin's panel for one person: role, groups, reset link, (de)activation; refreshed after each. */
export const manageUserFlow = setup({
  types: {
    context: {} as ManageUserContext,
    events: {} as FlowEvent,
    input: {} as Target & { intent?: 'deactivate' },
    emitted: {} as FlowEmitted,
  },
  actors: {
    loadPanel: fromPromise<UserPanel, Target>(() => notProvided('loadPanel')),
    changeRole: fromPromise<void, Target & { role: Role }>(() => notProvided('changeRole')),
    setGroups: fromPromise<string[], Target & { groupNames: string[] }>(() => notProvided('setGroups')),
    issueResetLink: fromPromise<{ instructions: string[] }, Target>(() => notProvided('issueResetLink')),
    deactivate: fromPromise<void, Target>(() => notProvided('deactivate')),
    reactivate: fromPromise<void, Target>(() => notProvided('reactivate')),
  },
  guards: {
    chose: ({ event }, value: string) => event.type === 'choose' && event.value === value,
  },
}).createMachine({
  id: 'manageUser',
  context: ({ input }) => ({
    actorId: input.actorId,
    userId: input.userId,
    intent: input.intent ?? null,
    name: '',
    role: 'member',
    status: 'active',
    existingGroups: '',
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadPanel',
        input: ({ context }) => ({ actorId: context.actorId, userId: context.userId }),
        onDone: [
          {
            guard: ({ context, event }) =>
              context.intent === 'deactivate' && event.output.status === 'active',
            target: 'confirmingDeactivate',
            actions: assign(({ event }) => shownPanel(event.output)),
          },
          {
            target: 'panel',
            actions: [
              assign(({ event }) => shownPanel(event.output)),
              emit(({ event }) => panelReply(event.output)),
            ],
          },
        ],
        onError: {
          target: 'ended',
          actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
        },
      },
    },
    panel: {
      tags: ['waiting'],
      on: {
        choose: [
          { guard: { type: 'chose', params: 'role' }, target: 'changingRole' },
          { guard: { type: 'chose', params: 'groups' }, target: 'askingGroups' },
          { guard: { type: 'chose', params: 'reset' }, target: 'issuingReset' },
          { guard: { type: 'chose', params: 'deactivate' }, target: 'confirmingDeactivate' },
          { guard: { type: 'chose', params: 'reactivate' }, target: 'reactivating' },
          {
            guard: { type: 'chose', params: 'done' },
            target: 'ended',
            actions: emit({ type: 'reply', text: 'Done.' }),
          },
        ],
        text: { actions: emit({ type: 'reply', text: 'Tap one of the buttons above, or Done.' }) },
      },
    },
    confirmingDeactivate: {
      tags: ['waiting'],
      entry: emit(({ context }) => ({
        type: 'reply' as const,
        text: `Deactivate ${context.name}? They lose access at once; their data stays and you can reactivate them.`,
        choices: [
          [
            { label: 'Yes, deactivate', value: 'yes' },
            { label: 'No', value: 'no' },
          ],
        ],
      })),
      on: {
        choose: [
          { guard: { type: 'chose', params: 'yes' }, target: 'deactivating' },
          { guard: { type: 'chose', params: 'no' }, target: 'loading' },
        ],
      },
    },
    askingGroups: {
      tags: ['waiting'],
      entry: emit(({ context }) => ({
        type: 'reply' as const,
        text:
          `Send the groups ${context.name} should be in, separated by commas ` +
          `(existing: ${context.existingGroups || 'none yet'}), or tap No groups.`,
        choices: [[{ label: 'No groups', value: 'none' }, CANCEL_CHOICE]],
      })),
      on: {
        text: [
          { guard: ({ event }) => parseGroupNames(event.text).length > 0, target: 'settingGroups' },
          { actions: emit({ type: 'reply', text: 'Send at least one group name, or tap No groups.' }) },
        ],
        choose: [
          { guard: { type: 'chose', params: 'none' }, target: 'settingGroups' },
          { guard: { type: 'chose', params: 'cancel' }, target: 'loading' },
        ],
      },
    },
    changingRole: {
      invoke: {
        src: 'changeRole',
        input: ({ context }) => ({
          actorId: context.actorId,
          userId: context.userId,
          role: context.role === 'admin' ? ('member' as const) : ('admin' as const),
        }),
        onDone: {
          target: 'loading',
          actions: emit(({ context }) => ({
            type: 'reply' as const,
            text: `${context.name} is now ${context.role === 'admin' ? 'a member' : 'an admin'}.`,
          })),
        },
        onError: {
          target: 'loading',
          actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
        },
      },
    },
    settingGroups: {
      invoke: {
        src: 'setGroups',
        input: ({ context, event }) => ({
          actorId: context.actorId,
          userId: context.userId,
          groupNames: event.type === 'text' ? parseGroupNames(event.text) : [],
        }),
        onDone: {
          target: 'loading',
          actions: emit(({ context, event }) => ({
            type: 'reply' as const,
            text: `Groups of ${context.name}: ${listOrNone(event.output, 'none')}.`,
          })),
        },
        onError: {
          target: 'loading',
          actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
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
              text: [`Password reset link for ${context.name}:`, ...event.output.instructions].join('\n'),
              private: true,
            })),
            emit(({ context }) => ({
              type: 'reply' as const,
              text: `Send it to ${context.name} privately; it works once, for 7 days.`,
            })),
          ],
        },
        onError: {
          target: 'loading',
          actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
        },
      },
    },
    deactivating: {
      invoke: {
        src: 'deactivate',
        input: ({ context }) => ({ actorId: context.actorId, userId: context.userId }),
        onDone: {
          target: 'loading',
          actions: emit(({ context }) => ({
            type: 'reply' as const,
            text: `${context.name} is deactivated.`,
          })),
        },
        onError: {
          target: 'loading',
          actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
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
            text: `${context.name} is active again.`,
          })),
        },
        onError: {
          target: 'loading',
          actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
        },
      },
    },
    ended: { type: 'final' },
  },
});
