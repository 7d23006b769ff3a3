import { assign, emit, fromPromise, setup } from 'xstate';
import { errorCode, notProvided, type FlowEmitted, type FlowEvent, type FlowIdentity } from './types.js';

export const RESET_PASSWORD_FLOW_VERSION = 1;

export type ResetCheck =
  { usable: true; userName: string } | { usable: false; reason: 'unknown' | 'expired' | 'used' | 'voided' };

const UNUSABLE_TEXT = {
  unknown: 'This reset link is not valid. Ask an admin for a new one.',
  expired: 'This reset link has expired. Ask an admin for a new one.',
  used: 'This reset link has already been used. Ask an admin for a new one.',
  voided: 'A newer reset link replaced this one. Use the newest link you were given.',
} as const;

/** A reset link opened in a chat: a new password, then only this chat stays logged in. */
export const resetPasswordFlow = setup({
  types: {
    context: {} as { tokenHash: string; identity: FlowIdentity; userId: string | null },
    events: {} as FlowEvent,
    input: {} as { tokenHash: string; identity: FlowIdentity },
    emitted: {} as FlowEmitted,
    output: {} as { userId: string } | null,
  },
  actors: {
    checkReset: fromPromise<ResetCheck, { tokenHash: string; identity: FlowIdentity }>(() =>
      notProvided('checkReset'),
    ),
    setPassword: fromPromise<
      { userId: string; chatsLoggedOut: number },
      { tokenHash: string; password: string; identity: FlowIdentity }
    >(() => notProvided('setPassword')),
  },
  guards: {
    isWeakPassword: ({ event }) => 'error' in event && errorCode(event.error) === 'weak_password',
  },
}).createMachine({
  id: 'resetPassword',
  context: ({ input }) => ({ ...input, userId: null }),
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
              text: `Hello ${event.output.usable ? event.output.userName : ''}. Let's set a new password for your account.`,
            })),
          },
        ],
        onError: {
          target: 'ended',
          actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
        },
      },
    },
    askingPassword: {
      tags: ['waiting', 'secret'],
      entry: emit({
        type: 'askSecret',
        purpose: 'reset',
        prompt: 'Your new password: at least 12 characters, with a letter and a digit, and not a common one.',
      }),
      on: { secret: 'saving' },
    },
    saving: {
      invoke: {
        src: 'setPassword',
        input: ({ context, event }) => ({
          tokenHash: context.tokenHash,
          password: event.type === 'secret' ? event.value : '',
          identity: context.identity,
        }),
        onDone: {
          target: 'ended',
          actions: [
            assign({ userId: ({ event }) => event.output.userId }),
            emit(({ event }) => ({
              type: 'reply' as const,
              text:
                'Your new password is set and this chat is linked to your account.' +
                (event.output.chatsLoggedOut > 0
                  ? ` ${event.output.chatsLoggedOut} other chat(s) were logged out.`
                  : ''),
            })),
          ],
        },
        onError: [
          {
            guard: 'isWeakPassword',
            target: 'askingPassword',
            actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
          },
          {
            target: 'ended',
            actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
          },
        ],
      },
    },
    ended: { type: 'final' },
  },
  output: ({ context }) => (context.userId ? { userId: context.userId } : null),
});
