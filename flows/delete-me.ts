import { assign, emit, fromPromise, setup } from 'xstate';
import {
  confirms,
  erasureSummary,
  mismatchReply,
  type ErasureDone,
  type ErasureFacts,
} from './delete-user.js';
import { notProvided, type FlowEmitted, type FlowEvent } from './types.js';
import { CANCEL_CHOICE, isCancel, reportFailure } from './kit.js';
import { joined, msg } from '../src/i18n/message.js';

/** The facts of one's own erasure, with the successor the rules chose. */
export interface OwnErasureFacts extends ErasureFacts {
  successorName: string | null;
}

interface Self {
  userId: string;
}

type DeleteMeContext = Self & OwnErasureFacts;

const NOTHING_ERASED = msg('delete-me-nothing-erased');

/** A person erases their own account for good, after typing their email back. */
export const deleteMeFlow = setup({
  types: {
    context: {} as DeleteMeContext,
    events: {} as FlowEvent,
    input: {} as Self,
    emitted: {} as FlowEmitted,
  },
  actors: {
    describe: fromPromise<OwnErasureFacts, Self>(() => notProvided('describe')),
    erase: fromPromise<ErasureDone, Self>(() => notProvided('erase')),
  },
  guards: {
    isCancel,
    confirmed: ({ context, event }) => event.type === 'text' && confirms(event.text, context.confirmation),
  },
}).createMachine({
  id: 'deleteMe',
  context: ({ input }) => ({
    ...input,
    name: '',
    confirmation: '',
    agents: [],
    openInvites: 0,
    personalAgents: 0,
    candidates: [],
    successorName: null,
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'describe',
        input: ({ context }) => ({ userId: context.userId }),
        onDone: { target: 'confirming', actions: assign(({ event }) => event.output) },
        onError: {
          target: 'ended',
          actions: emit(reportFailure),
        },
      },
    },
    confirming: {
      tags: ['waiting'],
      entry: emit(({ context }) => ({
        type: 'reply' as const,
        text: joined(
          [
            msg('delete-me-ask'),
            erasureSummary(context, context.successorName, 'your'),
            msg('delete-me-export-first'),
            msg('delete-user-type-to-confirm', { confirmation: context.confirmation }),
          ],
          'paragraph',
        ),
        choices: [[CANCEL_CHOICE]],
      })),
      on: {
        choose: {
          guard: 'isCancel',
          target: 'ended',
          actions: emit({ type: 'reply', text: NOTHING_ERASED }),
        },
        text: [
          { guard: 'confirmed', target: 'erasing' },
          {
            actions: emit(({ context }) => mismatchReply(context.confirmation)),
          },
        ],
      },
    },
    erasing: {
      invoke: {
        src: 'erase',
        input: ({ context }) => ({ userId: context.userId }),
        onDone: {
          target: 'ended',
          actions: emit({
            type: 'reply',
            text: msg('delete-me-erased'),
          }),
        },
        onError: {
          target: 'ended',
          actions: emit(reportFailure),
        },
      },
    },
    ended: { type: 'final' },
  },
});
