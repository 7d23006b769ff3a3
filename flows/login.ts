import { assign, emit, fromPromise, setup } from 'xstate';
import {
  errorCode,
  looksLikeEmail,
  notProvided,
  type FlowEmitted,
  type FlowEvent,
  type FlowIdentity,
} from './types.js';
import { reportFailure } from './kit.js';
import { msg } from '../src/i18n/message.js';

export const MAX_LOGIN_ATTEMPTS = 5;

interface LoginContext {
  identity: FlowIdentity;
  email: string | null;
  attempts: number;
  userId: string | null;
}

/** `/login`: email, then password; links this chat to the account. Wrong attempts are limited. */
export const loginFlow = setup({
  types: {
    context: {} as LoginContext,
    events: {} as FlowEvent,
    input: {} as { identity: FlowIdentity },
    emitted: {} as FlowEmitted,
    output: {} as { userId: string } | null,
  },
  actors: {
    login: fromPromise<
      { userId: string; name: string },
      { email: string; password: string; identity: FlowIdentity }
    >(() => notProvided('login')),
  },
  guards: {
    isEmailLike: ({ event }) => event.type === 'text' && looksLikeEmail(event.text),
    wrongCredentials: ({ event }) => 'error' in event && errorCode(event.error) === 'wrong_credentials',
    outOfAttempts: ({ context }) => context.attempts + 1 >= MAX_LOGIN_ATTEMPTS,
  },
}).createMachine({
  id: 'login',
  context: ({ input }) => ({ identity: input.identity, email: null, attempts: 0, userId: null }),
  initial: 'askingEmail',
  states: {
    askingEmail: {
      tags: ['waiting'],
      entry: emit({ type: 'reply', text: msg('login-ask-email') }),
      on: {
        text: [
          {
            guard: 'isEmailLike',
            target: 'askingPassword',
            actions: assign({ email: ({ event }) => event.text.trim().toLowerCase() }),
          },
          { actions: emit({ type: 'reply', text: msg('login-not-an-email') }) },
        ],
      },
    },
    askingPassword: {
      tags: ['waiting', 'secret'],
      entry: emit({ type: 'askSecret', purpose: 'login', prompt: msg('login-ask-password') }),
      on: { secret: 'checking' },
    },
    checking: {
      invoke: {
        src: 'login',
        input: ({ context, event }) => ({
          email: context.email ?? '',
          password: event.type === 'secret' ? event.value : '',
          identity: context.identity,
        }),
        onDone: {
          target: 'done',
          actions: [
            assign({ userId: ({ event }) => event.output.userId }),
            emit(({ event }) => ({
              type: 'reply' as const,
              text: msg('login-welcome-back', { name: event.output.name }),
            })),
          ],
        },
        onError: [
          {
            guard: 'outOfAttempts',
            target: 'done',
            actions: emit({
              type: 'reply',
              text: msg('login-out-of-attempts'),
            }),
          },
          {
            // Only the password is asked again, hidden: a password typed into the email
            // question would stay in the chat as a message.
            guard: 'wrongCredentials',
            target: 'askingPassword',
            actions: [
              assign({ attempts: ({ context }) => context.attempts + 1 }),
              emit(reportFailure),
              emit({ type: 'reply', text: msg('login-wrong-email-hint') }),
            ],
          },
          { target: 'done', actions: emit(reportFailure) },
        ],
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => (context.userId ? { userId: context.userId } : null),
});
