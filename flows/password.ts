import { and, assign, emit, fromPromise, setup } from 'xstate';
import {
  AGAIN_PROMPT,
  NEW_PASSWORD_PROMPT,
  newPasswordActors,
  newPasswordGuards,
  PASSWORDS_DIFFER,
} from './new-password.js';
import { errorCode, notProvided, type FlowEmitted, type FlowEvent, type FlowIdentity } from './types.js';
import { reportFailure } from './kit.js';
import { msg } from '../src/i18n/message.js';

const MAX_WRONG_CURRENT = 3;

interface PasswordContext {
  userId: string;
  identity: FlowIdentity;
  /** The id of the new password staged in the record between "new" and the last answer: never a hash. */
  stagedId: string | null;
  wrongCurrent: number;
}

/** `/password`: current, new, again, then whether to log out the person's other chats. */
export const passwordFlow = setup({
  types: {
    context: {} as PasswordContext,
    events: {} as FlowEvent,
    input: {} as { userId: string; identity: FlowIdentity },
    emitted: {} as FlowEmitted,
  },
  actors: {
    ...newPasswordActors,
    verifyCurrent: fromPromise<void, { userId: string; password: string; identity: FlowIdentity }>(() =>
      notProvided('verifyCurrent'),
    ),
    applyPassword: fromPromise<
      { chatsLoggedOut: number },
      { userId: string; stagedId: string; logOutOthers: boolean; identity: FlowIdentity }
    >(() => notProvided('applyPassword')),
  },
  guards: {
    tooManyWrong: ({ context }) => context.wrongCurrent + 1 >= MAX_WRONG_CURRENT,
    isWrongCurrent: ({ event }) => 'error' in event && errorCode(event.error) === 'wrong_credentials',
    ...newPasswordGuards,
  },
}).createMachine({
  id: 'password',
  context: ({ input }) => ({ ...input, stagedId: null, wrongCurrent: 0 }),
  initial: 'askingCurrent',
  states: {
    askingCurrent: {
      tags: ['waiting', 'secret'],
      entry: emit({ type: 'askSecret', purpose: 'current-password', prompt: msg('password-ask-current') }),
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
            actions: emit({ type: 'reply', text: msg('password-wrong-current-ended') }),
          },
          {
            guard: 'isWrongCurrent',
            target: 'askingCurrent',
            actions: [
              assign({ wrongCurrent: ({ context }) => context.wrongCurrent + 1 }),
              emit({ type: 'reply', text: msg('password-wrong-current') }),
            ],
          },
          {
            target: 'ended',
            actions: emit(reportFailure),
          },
        ],
      },
    },
    askingNew: {
      tags: ['waiting', 'secret'],
      entry: emit({ type: 'askSecret', purpose: 'new-password', prompt: NEW_PASSWORD_PROMPT }),
      on: { secret: 'staging' },
    },
    staging: {
      invoke: {
        src: 'stagePassword',
        input: ({ context, event }) => ({
          password: event.type === 'secret' ? event.value : '',
          userId: context.userId,
        }),
        onDone: {
          target: 'askingConfirm',
          actions: assign({ stagedId: ({ event }) => event.output.stagedId }),
        },
        onError: [
          {
            guard: 'isRefusedNewPassword',
            target: 'askingNew',
            actions: emit(reportFailure),
          },
          {
            target: 'ended',
            actions: emit(reportFailure),
          },
        ],
      },
    },
    askingConfirm: {
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
          { guard: ({ event }) => event.output, target: 'askingOthers' },
          {
            target: 'askingNew',
            actions: [assign({ stagedId: null }), emit({ type: 'reply', text: PASSWORDS_DIFFER })],
          },
        ],
        onError: [
          {
            guard: 'isStagedPasswordGone',
            target: 'askingNew',
            actions: [assign({ stagedId: null }), emit(reportFailure)],
          },
          {
            target: 'ended',
            actions: emit(reportFailure),
          },
        ],
      },
    },
    askingOthers: {
      tags: ['waiting'],
      entry: emit({
        type: 'reply',
        text: msg('password-ask-log-out-others'),
        choices: [
          [
            { label: msg('password-log-out-yes'), value: 'yes' },
            { label: msg('password-log-out-no'), value: 'no' },
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
          stagedId: context.stagedId ?? '',
          logOutOthers: event.type === 'choose' && event.value === 'yes',
          identity: context.identity,
        }),
        onDone: {
          target: 'ended',
          actions: emit(({ event }) => ({
            type: 'reply' as const,
            text:
              event.output.chatsLoggedOut > 0
                ? msg('password-changed-others-out', { count: event.output.chatsLoggedOut })
                : msg('password-changed'),
          })),
        },
        onError: [
          {
            guard: 'isStagedPasswordGone',
            target: 'askingNew',
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
});
