import { assign, emit, fromPromise, setup } from 'xstate';
import {
  AGAIN_PROMPT,
  NEW_PASSWORD_PROMPT,
  newPasswordActors,
  newPasswordGuards,
  PASSWORDS_DIFFER,
} from './new-password.js';
import { notProvided, type FlowEmitted, type FlowEvent, type FlowIdentity } from './types.js';
import { reportFailure } from './kit.js';
import { RESET_LINK_UNUSABLE, type ResetLinkUnusableReason } from './refusals.js';
import { msg, type Message } from '../src/i18n/message.js';

export type ResetCheck =
  { usable: true; userName: string } | { usable: false; reason: ResetLinkUnusableReason };

/** The refusals of a link as it is opened; a voided one is told more briefly here. */
const UNUSABLE_TEXT: Record<ResetLinkUnusableReason, Message> = {
  ...RESET_LINK_UNUSABLE,
  voided: msg('reset-password-voided'),
};

interface ResetContext {
  tokenHash: string;
  identity: FlowIdentity;
  /** The id of the new password staged in the record until it is typed again: never a hash. */
  stagedId: string | null;
  userId: string | null;
}

/** A reset link opened in a chat: a new password, typed twice, then only this chat stays logged in. */
export const resetPasswordFlow = setup({
  types: {
    context: {} as ResetContext,
    events: {} as FlowEvent,
    input: {} as { tokenHash: string; identity: FlowIdentity },
    emitted: {} as FlowEmitted,
    output: {} as { userId: string } | null,
  },
  actors: {
    ...newPasswordActors,
    checkReset: fromPromise<ResetCheck, { tokenHash: string; identity: FlowIdentity }>(() =>
      notProvided('checkReset'),
    ),
    setPassword: fromPromise<
      { userId: string; chatsLoggedOut: number },
      { tokenHash: string; stagedId: string; identity: FlowIdentity }
    >(() => notProvided('setPassword')),
  },
  guards: {
    ...newPasswordGuards,
  },
}).createMachine({
  id: 'resetPassword',
  context: ({ input }) => ({ ...input, stagedId: null, userId: null }),
  initial: 'checking',
  states: {
    checking: {
      invoke: {
        src: 'checkReset',
        input: ({ context }) => ({ tokenHash: context.tokenHash, identity: context.identity }),
        onDone: [
          {
            guard: ({ event }) => !event.output.usable,
            target: 'ended',
            actions: emit(({ event }) => ({
              type: 'reply' as const,
              text: event.output.usable ? '' : UNUSABLE_TEXT[event.output.reason],
            })),
          },
          {
            target: 'askingPassword',
            actions: emit(({ event }) => ({
              type: 'reply' as const,
              text: msg('reset-password-hello', { name: event.output.usable ? event.output.userName : '' }),
            })),
          },
        ],
        onError: {
          target: 'ended',
          actions: emit(reportFailure),
        },
      },
    },
    askingPassword: {
      tags: ['waiting', 'secret'],
      entry: emit({ type: 'askSecret', purpose: 'reset', prompt: NEW_PASSWORD_PROMPT }),
      on: { secret: 'staging' },
    },
    staging: {
      invoke: {
        src: 'stagePassword',
        input: ({ event }) => ({ password: event.type === 'secret' ? event.value : '' }),
        onDone: {
          target: 'askingAgain',
          actions: assign({ stagedId: ({ event }) => event.output.stagedId }),
        },
        onError: [
          {
            guard: 'isRefusedNewPassword',
            target: 'askingPassword',
            actions: emit(reportFailure),
          },
          {
            target: 'ended',
            actions: emit(reportFailure),
          },
        ],
      },
    },
    askingAgain: {
      tags: ['waiting', 'secret'],
      entry: emit({ type: 'askSecret', purpose: 'confirm-password', prompt: AGAIN_PROMPT }),
      on: { secret: 'confirming' },
    },
    confirming: {
      invoke: {
        src: 'confirmStaged',
        input: ({ context, event }) => ({
          stagedId: context.stagedId ?? '',
          password: event.type === 'secret' ? event.value : '',
        }),
        onDone: [
          { guard: ({ event }) => event.output, target: 'saving' },
          {
            target: 'askingPassword',
            actions: [assign({ stagedId: null }), emit({ type: 'reply', text: PASSWORDS_DIFFER })],
          },
        ],
        onError: [
          {
            guard: 'isStagedPasswordGone',
            target: 'askingPassword',
            actions: [assign({ stagedId: null }), emit(reportFailure)],
          },
          {
            target: 'ended',
            actions: emit(reportFailure),
          },
        ],
      },
    },
    saving: {
      invoke: {
        src: 'setPassword',
        input: ({ context }) => ({
          tokenHash: context.tokenHash,
          stagedId: context.stagedId ?? '',
          identity: context.identity,
        }),
        onDone: {
          target: 'ended',
          actions: [
            assign({ userId: ({ event }) => event.output.userId }),
            emit(({ event }) => ({
              type: 'reply' as const,
              text:
                event.output.chatsLoggedOut > 0
                  ? msg('reset-password-done-others-out', { count: event.output.chatsLoggedOut })
                  : msg('reset-password-done'),
            })),
          ],
        },
        onError: [
          {
            guard: 'isStagedPasswordGone',
            target: 'askingPassword',
            actions: [assign({ stagedId: null }), emit(reportFailure)],
          },
          {
            target: 'ended',
            actions: emit(reportFailure),
          },
        ],
      },
    },
    ended: { type: 'final' },
  },
  output: ({ context }) => (context.userId ? { userId: context.userId } : null),
});
