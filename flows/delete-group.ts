import { assign, emit, fromPromise, setup } from 'xstate';
import { notProvided, type FlowEmitted, type FlowEvent } from './types.js';
import { CANCEL_CHOICE, chose, isCancel, reportFailure } from './kit.js';

/** What deleting a group takes away, as display data. */
export interface GroupDeletionImpact {
  /** The group's name as stored, which the deletion then uses. */
  name: string;
  /** Active people in it. */
  members: number;
  /** Invites that name it and can still be claimed. */
  pendingInvites: number;
  /** Shared agents restricted to this group alone: afterwards only admins can use them. */
  soleGroupAgents: string[];
}

interface DeleteGroupInput {
  actorId: string;
  /** The name as the admin typed it. */
  name: string;
}

/** After loading, `name` is the group's stored name, which the deletion uses. */
type DeleteGroupContext = DeleteGroupInput;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listed(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/** The question before deleting: each thing the group's deletion takes away, or that nothing does. */
export function deletionQuestion(impact: GroupDeletionImpact): FlowEmitted {
  const losses = [
    impact.members > 0 ? `${plural(impact.members, 'member loses', 'members lose')} it` : '',
    impact.soleGroupAgents.length > 0
      ? `${listed(impact.soleGroupAgents)} ${impact.soleGroupAgents.length === 1 ? 'becomes' : 'become'} usable by admins only`
      : '',
    impact.pendingInvites > 0
      ? `${plural(impact.pendingInvites, 'pending invite no longer gives', 'pending invites no longer give')} it`
      : '',
  ].filter(Boolean);
  return {
    type: 'reply',
    text:
      `Delete group ${impact.name}? ` +
      (losses.length > 0
        ? `${losses.join('; ')}.`
        : 'Nobody is in it, and no agent or pending invite needs it.'),
    choices: [[{ label: 'Delete', value: 'yes' }, CANCEL_CHOICE]],
  };
}

/**
 * An admin deletes a group: what it takes away (members, agents left to admins, pending invites) is
 * said first, and the group goes only once the admin taps Delete.
 */
export const deleteGroupFlow = setup({
  types: {
    context: {} as DeleteGroupContext,
    events: {} as FlowEvent,
    input: {} as DeleteGroupInput,
    emitted: {} as FlowEmitted,
  },
  actors: {
    describe: fromPromise<GroupDeletionImpact, DeleteGroupInput>(() => notProvided('describe')),
    deleteGroup: fromPromise<{ name: string }, DeleteGroupInput>(() => notProvided('deleteGroup')),
  },
  guards: { chose, isCancel },
}).createMachine({
  id: 'deleteGroup',
  context: ({ input }) => ({ actorId: input.actorId, name: input.name }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'describe',
        input: ({ context }) => ({ actorId: context.actorId, name: context.name }),
        onDone: {
          target: 'confirming',
          actions: [
            assign({ name: ({ event }) => event.output.name }),
            emit(({ event }) => deletionQuestion(event.output)),
          ],
        },
        onError: { target: 'ended', actions: emit(reportFailure) },
      },
    },
    confirming: {
      tags: ['waiting'],
      on: {
        choose: [
          { guard: { type: 'chose', params: 'yes' }, target: 'deleting' },
          {
            guard: 'isCancel',
            target: 'ended',
            actions: emit(({ context }) => ({
              type: 'reply' as const,
              text: `Group ${context.name} is kept.`,
            })),
          },
        ],
        text: { actions: emit({ type: 'reply', text: 'Tap Delete or Cancel above.' }) },
      },
    },
    deleting: {
      invoke: {
        src: 'deleteGroup',
        input: ({ context }) => ({ actorId: context.actorId, name: context.name }),
        onDone: {
          target: 'ended',
          actions: emit(({ event }) => ({
            type: 'reply' as const,
            text: `Group ${event.output.name} is deleted.`,
          })),
        },
        onError: { target: 'ended', actions: emit(reportFailure) },
      },
    },
    ended: { type: 'final' },
  },
});
