import { and, assign, emit, fromPromise, setup } from 'xstate';
import { errorCode, notProvided, type FlowEmitted, type FlowEvent, type FlowIdentity } from './types.js';

export const PASSWORD_FLOW_VERSION = 1;
const MAX_WRONG_CURRENT = 3;

interface PasswordContext {
  userId: string;
  identity: FlowIdentity;
  /** The argon2id hash of the new password, kept between "new" and "confirm": never the password. */
  stagedHash: string | null;
  wrongCurrent: number;
}

/** `/password`: current, new, confirm, then whether to log out the person's other chats. */
export const passwordFlow = setup({
  types: {
    context: {} as PasswordContext,
    events: {} as FlowEvent,
    input: {} as { userId: string; identity: FlowIdentity },
    emitted: {} as FlowEmitted,
  },
  actors: {
    verifyCurrent: fromPromise<void, { userId: string; password: string; identity: FlowIdentity }>(() =>
      notProvided('verifyCurrent'),
    ),
    stagePassword: fromPromise<{ hash: string }, { password: string }>(() => notProvided('stagePassword')),
    matchesStaged: fromPromise<boolean, { hash: string; password: string }>(() =>
      notProvided('matchesStaged'),
    ),
    applyPassword: fromPromise<
      { chatsLoggedOut: number },
      { userId: string; hash: string; logOutOthers: boolean; identity: FlowIdentity }
    >(() => notProvided('applyPassword')),
  },
  guards: {
    tooManyWrong: ({ context }) => context.wrongCurrent + 1 >= MAX_WRONG_CURRENT,
    isWrongCurrent: ({ event }) => 'error' in event && errorCode(event.error) === 'wrong_credentials',
    isWeakPassword: ({ event }) => 'error' in event && errorCode(event.error) === 'weak_password',
  },
}).createMachine({
  id: 'password',
  context: ({ input }) => ({ ...input, stagedHash: null, wrongCurrent: 0 }),
  initial: 'askingCurrent',
  states: {
    askingCurrent: {
      tags: ['waiting', 'secret'],
      entry: emit({ type: 'askSecret', purpose: 'current-password', prompt: 'Your current password?' }),
      on: { secret: 'checkingCurrent' },
    },
    checkingCurrent: {
      invoke: {
        src: 'verifyCurrent',
        input: ({ context, event }) => ({
          userId: context.userId,
          password: event.type === 'secret' ? event.value : '',
          identity: context.identity,
        }),
        onDone: 'askingNew',
        onError: [
          {
            guard: and(['isWrongCurrent', 'tooManyWrong']),
            target: 'ended',
            actions: emit({ type: 'reply', text: 'That is not your current password. Nothing was changed.' }),
          },
          {
            guard: 'isWrongCurrent',
            target: 'askingCurrent',
            actions: [
              assign({ wrongCurrent: ({ context }) => context.wrongCurrent + 1 }),
              emit({ type: 'reply', text: 'That is not your current password. Try again.' }),
            ],
          },
          {
            target: 'ended',
            actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
          },
        ],
      },
    },
    askingNew: {
      tags: ['waiting', 'secret'],
      entry: emit({
        type: 'askSecret',
        purpose: 'new-password',
        prompt: 'Your new password: at least 12 characters, with a letter and a digit, and not a common one.',
      }),
      on: { secret: 'staging' },
    },
    staging: {
      invoke: {
        src: 'stagePassword',
        input: ({ event }) => ({ password: event.type === 'secret' ? event.value : '' }),
        onDone: {
          target: 'askingConfirm',
          actions: assign({ stagedHash: ({ event }) => event.output.hash }),
        },
        onError: [
          {
            guard: 'isWeakPassword',
            target: 'askingNew',
            actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
          },
          {
            target: 'ended',
            actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
          },
        ],
      },
    },
    askingConfirm: {
      tags: ['waiting', 'secret'],
      entry: emit({
        type: 'askSecret',
        purpose: 'confirm-password',
        prompt: 'Type the new password once more.',
      }),
      on: { secret: 'confirming' },
    },
    confirming: {
      invoke: {
        src: 'matchesStaged',
        input: ({ context, event }) => ({
          hash: context.stagedHash ?? '',
          password: event.type === 'secret' ? event.value : '',
        }),
        onDone: [
          { guard: ({ event }) => event.output, target: 'askingOthers' },
          {
            target: 'askingNew',
            actions: [
              assign({ stagedHash: null }),
              emit({ type: 'reply', text: 'The two passwords differ. Let us try the new one again.' }),
            ],
          },
        ],
        onError: {
          target: 'ended',
          actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
        },
      },
    },
    askingOthers: {
      tags: ['waiting'],
      entry: emit({
        type: 'reply',
        text: 'Log out your other chats too? Do this if you think someone else used your account.',
        choices: [
          [
            { label: 'Yes, log them out', value: 'yes' },
            { label: 'No', value: 'no' },
          ],
        ],
      }),
      on: {
        choose: {
          guard: ({ event }) => event.value === 'yes' || event.value === 'no',
          target: 'applying',
        },
      },
    },
    applying: {
      invoke: {
        src: 'applyPassword',
        input: ({ context, event }) => ({
          userId: context.userId,
          hash: context.stagedHash ?? '',
          logOutOthers: event.type === 'choose' && event.value === 'yes',
          identity: context.identity,
        }),
        onDone: {
          target: 'ended',
          actions: emit(({ event }) => ({
            type: 'reply' as const,
            text:
              'Your password is changed.' +
              (event.output.chatsLoggedOut > 0
                ? ` ${event.output.chatsLoggedOut} other chat(s) were logged out.`
                : ''),
          })),
        },
        onError: {
          target: 'ended',
          actions: emit(({ event }) => ({ type: 'failed' as const, error: event.error })),
        },
      },
    },
    ended: { type: 'final' },
  },
});
