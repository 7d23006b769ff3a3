import { assign, emit, fromPromise, setup } from 'xstate';
import { notProvided, type FlowEmitted, type FlowEvent } from './types.js';
import { CANCEL_CHOICE, chose, isCancel, reportFailure } from './kit.js';
import { joined, msg, type Message, type Text } from '../src/i18n/message.js';

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

/** Names as a list read aloud: "a, b and c" (the "and" in the reader's language). */
function listed(names: string[]): Text {
  return names.length > 1
    ? msg('delete-group-listed', { init: names.slice(0, -1).join(', '), last: names.at(-1) ?? '' })
    : (names[0] ?? '');
}

/** The question before deleting: each thing the group's deletion takes away, or that nothing does. */
export function deletionQuestion(impact: GroupDeletionImpact): FlowEmitted {
  const losses: Message[] = [];
  if (impact.members > 0) losses.push(msg('delete-group-members-lose', { count: impact.members }));
  if (impact.soleGroupAgents.length > 0)
    losses.push(
      msg('delete-group-agents-admins-only', {
        agents: listed(impact.soleGroupAgents),
        count: impact.soleGroupAgents.length,
      }),
    );
  if (impact.pendingInvites > 0)
    losses.push(msg('delete-group-invites-lose', { count: impact.pendingInvites }));
  const [first, ...rest] = losses;
  return {
    type: 'reply',
    text: first
      ? msg('delete-group-ask', { name: impact.name, losses: joined([first, ...rest], 'clause') })
      : msg('delete-group-ask-nothing-lost', { name: impact.name }),
    choices: [[{ label: msg('delete-group-delete'), value: 'yes' }, CANCEL_CHOICE]],
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
              text: msg('delete-group-kept', { name: context.name }),
            })),
          },
        ],
        text: { actions: emit({ type: 'reply', text: msg('delete-group-tap-above') }) },
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
            text: msg('delete-group-deleted', { name: event.output.name }),
          })),
        },
        onError: { target: 'ended', actions: emit(reportFailure) },
      },
    },
    ended: { type: 'final' },
  },
});
