import { and, assign, emit, fromPromise, setup } from 'xstate';
import {
  errorCode,
  errorField,
  looksLikeEmail,
  notProvided,
  type FlowEmitted,
  type FlowEvent,
  type FlowIdentity,
} from './types.js';
import { chose, PASSWORD_RULES, reportFailure } from './kit.js';
import { INVITE_UNUSABLE, type InviteUnusableReason } from './refusals.js';
import { msg } from '../src/i18n/message.js';
import { AGAIN_PROMPT, newPasswordActors, newPasswordGuards, PASSWORDS_DIFFER } from './new-password.js';
import { inviteGreeting, type InviteGreeting } from './invite-greeting.js';

export type InviteCheck =
  | ({
      usable: true;
      hasEmail: boolean;
      role: 'admin' | 'member';
      label: string | null;
    } & Partial<InviteGreeting>)
  | { usable: false; reason: InviteUnusableReason };

interface ClaimContext {
  tokenHash: string;
  identity: FlowIdentity;
  name: string | null;
  email: string | null;
  needsEmail: boolean;
  /** The id of the password staged in the record until the account exists: never a hash. */
  stagedId: string | null;
  userId: string | null;
}

const NAME_AGAIN = msg('claim-name-again');
/** Every email the claim cannot use gets these words, taken or malformed: they tell nobody who has an account. */
const EMAIL_REFUSED = msg('claim-email-refused');

/** A newcomer turns an invite into an account: name, (email), password twice, then onboarding. */
export const claimFlow = setup({
  types: {
    context: {} as ClaimContext,
    events: {} as FlowEvent,
    input: {} as { tokenHash: string; identity: FlowIdentity },
    emitted: {} as FlowEmitted,
    output: {} as { userId: string } | null,
  },
  actors: {
    ...newPasswordActors,
    checkInvite: fromPromise<InviteCheck, { tokenHash: string; identity: FlowIdentity }>(() =>
      notProvided('checkInvite'),
    ),
    createAccount: fromPromise<
      { userId: string },
      { tokenHash: string; name: string; email: string | null; stagedId: string; identity: FlowIdentity }
    >(() => notProvided('createAccount')),
  },
  guards: {
    hasStagedPassword: ({ context }) => context.stagedId !== null,
    ...newPasswordGuards,
    isValidName: ({ event }) => event.type === 'text' && /^[^\p{Cc}]{1,100}$/u.test(event.text.trim()),
    isNameRefused: ({ event }) =>
      'error' in event && errorCode(event.error) === 'invalid_input' && errorField(event.error) === 'name',
    isEmailLike: ({ event }) => event.type === 'text' && looksLikeEmail(event.text),
    isSkip: ({ event }) => chose({ event }, 'skip'),
    needsEmail: ({ context }) => context.needsEmail,
    isEmailRefused: ({ event }) =>
      'error' in event &&
      (errorCode(event.error) === 'email_taken' ||
        (errorCode(event.error) === 'invalid_input' && errorField(event.error) === 'email')),
    isLockedOut: ({ event }) => 'error' in event && errorCode(event.error) === 'locked_out',
  },
}).createMachine({
  id: 'claim',
  context: ({ input }) => ({
    ...input,
    name: null,
    email: null,
    needsEmail: false,
    stagedId: null,
    userId: null,
  }),
  initial: 'checking',
  states: {
    checking: {
      invoke: {
        src: 'checkInvite',
        input: ({ context }) => ({ tokenHash: context.tokenHash, identity: context.identity }),
        onDone: [
          {
            guard: ({ event }) => !event.output.usable,
            target: 'refused',
            actions: emit(({ event }) => ({
              type: 'reply' as const,
              text: event.output.usable ? '' : INVITE_UNUSABLE[event.output.reason],
            })),
          },
          {
            target: 'askingName',
            actions: [
              assign({ needsEmail: ({ event }) => event.output.usable && !event.output.hasEmail }),
              emit(({ event }) => ({
                type: 'reply' as const,
                text: event.output.usable ? inviteGreeting(event.output) : '',
              })),
            ],
          },
        ],
        onError: {
          target: 'refused',
          actions: emit(reportFailure),
        },
      },
    },
    askingName: {
      tags: ['waiting'],
      on: {
        text: [
          {
            guard: 'isValidName',
            target: 'routingAfterName',
            actions: assign({ name: ({ event }) => event.text.trim() }),
          },
          { actions: emit({ type: 'reply', text: NAME_AGAIN }) },
        ],
      },
    },
    routingAfterName: {
      always: [
        { guard: 'hasStagedPassword', target: 'creating' },
        { guard: 'needsEmail', target: 'askingEmail' },
        { target: 'askingPassword' },
      ],
    },
    askingEmail: {
      tags: ['waiting'],
      entry: emit({
        type: 'reply',
        text: msg('claim-ask-email'),
        choices: [[{ label: msg('claim-skip'), value: 'skip' }]],
      }),
      on: {
        text: [
          {
            guard: 'isEmailLike',
            target: 'routingAfterEmail',
            actions: assign({ email: ({ event }) => event.text.trim().toLowerCase() }),
          },
          { actions: emit({ type: 'reply', text: EMAIL_REFUSED }) },
        ],
        choose: { guard: 'isSkip', target: 'routingAfterEmail' },
      },
    },
    routingAfterEmail: {
      always: [{ guard: 'hasStagedPassword', target: 'creating' }, { target: 'askingPassword' }],
    },
    askingPassword: {
      tags: ['waiting', 'secret'],
      entry: emit({
        type: 'askSecret',
        purpose: 'claim',
        prompt: msg('claim-ask-password', { rules: PASSWORD_RULES }),
      }),
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
            target: 'refused',
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
          { guard: ({ event }) => event.output, target: 'creating' },
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
            target: 'refused',
            actions: emit(reportFailure),
          },
        ],
      },
    },
    creating: {
      invoke: {
        src: 'createAccount',
        input: ({ context }) => ({
          tokenHash: context.tokenHash,
          name: context.name ?? '',
          email: context.email,
          stagedId: context.stagedId ?? '',
          identity: context.identity,
        }),
        onDone: {
          target: 'done',
          actions: [
            assign({ userId: ({ event }) => event.output.userId }),
            emit({ type: 'reply', text: msg('claim-ready') }),
          ],
        },
        onError: [
          {
            guard: 'isStagedPasswordGone',
            target: 'askingPassword',
            actions: [assign({ stagedId: null }), emit(reportFailure)],
          },
          {
            guard: 'isNameRefused',
            target: 'askingName',
            actions: emit({ type: 'reply', text: NAME_AGAIN }),
          },
          {
            guard: and(['needsEmail', 'isEmailRefused']),
            target: 'askingEmail',
            actions: [assign({ email: null }), emit({ type: 'reply', text: EMAIL_REFUSED })],
          },
          {
            guard: and(['needsEmail', 'isLockedOut']),
            target: 'askingEmail',
            actions: [assign({ email: null }), emit(reportFailure)],
          },
          {
            target: 'refused',
            actions: emit(reportFailure),
          },
        ],
      },
    },
    refused: { type: 'final' },
    done: { type: 'final' },
  },
  output: ({ context }) => (context.userId ? { userId: context.userId } : null),
});
