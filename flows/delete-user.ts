import { assign, emit, fromPromise, setup } from 'xstate';
import { notProvided, type Choice, type FlowEmitted, type FlowEvent } from './types.js';
import { CANCEL_CHOICE, isCancel, reportFailure } from './kit.js';
import { joined, msg, type Message, type Text } from '../src/i18n/message.js';

/** Someone who could take over what the erased person created. */
export interface Successor {
  id: string;
  name: string;
  role: 'admin' | 'member';
}

/** What the flow shows before erasing: display strings and ids only. */
export interface ErasureFacts {
  name: string;
  /** What must be typed to confirm: the email, or the name for an account without one. */
  confirmation: string;
  agents: string[];
  openInvites: number;
  personalAgents: number;
  candidates: Successor[];
}

/** What the erasure did, for the last reply. */
export interface ErasureDone {
  agents: string[];
  successorName: string | null;
  invitesRevoked: number;
}

interface Target {
  actorId: string;
  userId: string;
}

interface DeleteUserInput extends Target {
  /** How the admin's words found the person ("@bob on Slack"), repeated in the confirmation. */
  via?: string;
}

interface DeleteUserContext extends Target, ErasureFacts {
  via: string | null;
  successor: Successor | null;
}

const NOTHING_ERASED = msg('delete-user-nothing-erased');
const NAME_MAX = 100;

/** The typed confirmation matches, ignoring case and surrounding spaces. */
export function confirms(typed: string, expected: string): boolean {
  return typed.trim().toLowerCase() === expected.trim().toLowerCase();
}

function successorChoices(candidates: Successor[]): Choice[][] {
  return [
    ...candidates.map((c) => [
      {
        label: c.role === 'admin' ? msg('delete-user-successor-admin', { name: c.name }) : c.name,
        value: c.id,
      },
    ]),
    [CANCEL_CHOICE],
  ];
}

/** The answer to a typed confirmation that does not match. */
export function mismatchReply(confirmation: string): FlowEmitted {
  return {
    type: 'reply',
    text: msg('delete-user-mismatch', { confirmation }),
    choices: [[CANCEL_CHOICE]],
  };
}

/** What will go and what stays, ending with the words to type. */
export function erasureSummary(
  facts: ErasureFacts,
  successorName: string | null,
  whose: 'their' | 'your',
): Text {
  const lines: [Message, ...Message[]] = [
    msg('delete-user-summary-gone', { whose, personalAgents: facts.personalAgents }),
  ];
  if (facts.openInvites > 0)
    lines.push(msg('delete-user-summary-invites', { whose, count: facts.openInvites }));
  if (facts.agents.length > 0 && successorName)
    lines.push(
      msg('delete-user-summary-agents', { agents: facts.agents.join(', '), successor: successorName }),
    );
  lines.push(msg('delete-user-summary-audit'));
  return joined(lines, 'line');
}

/** What the erasure did: who is gone, who now owns their agents, how many invites it revoked. */
function erasedReply(name: string, done: ErasureDone): Text {
  const sentences: [Message, ...Message[]] = [msg('delete-user-erased', { name })];
  if (done.agents.length > 0 && done.successorName)
    sentences.push(
      msg('delete-user-agents-moved', {
        agents: done.agents.join(', '),
        count: done.agents.length,
        successor: done.successorName,
      }),
    );
  if (done.invitesRevoked > 0)
    sentences.push(msg('delete-user-invites-revoked', { count: done.invitesRevoked }));
  return joined(sentences, 'sentence');
}

/** The person as the admin should recognise them: name, email (what they will type) and handle. */
function erasedWho(context: DeleteUserContext): string {
  const email = context.confirmation === context.name ? '' : ` <${context.confirmation}>`;
  return `${context.name}${email}${context.via ? ` (${context.via})` : ''}`;
}

/**
 * An admin erases someone for good: shows what they own that would outlive them, asks who takes
 * over their agents, then asks for their email typed back before erasing in one transaction.
 */
export const deleteUserFlow = setup({
  types: {
    context: {} as DeleteUserContext,
    events: {} as FlowEvent,
    input: {} as DeleteUserInput,
    emitted: {} as FlowEmitted,
  },
  actors: {
    describe: fromPromise<ErasureFacts, Target>(() => notProvided('describe')),
    findSuccessor: fromPromise<Successor, Target & { reference: string }>(() => notProvided('findSuccessor')),
    erase: fromPromise<ErasureDone, Target & { successorId: string | null }>(() => notProvided('erase')),
  },
  guards: {
    isCancel,
    needsSuccessor: ({ event }) => (event as unknown as { output: ErasureFacts }).output.agents.length > 0,
    confirmed: ({ context, event }) => event.type === 'text' && confirms(event.text, context.confirmation),
  },
  actions: {
    cancelled: emit({ type: 'reply', text: NOTHING_ERASED }),
  },
}).createMachine({
  id: 'deleteUser',
  context: ({ input }) => ({
    actorId: input.actorId,
    userId: input.userId,
    via: input.via?.slice(0, NAME_MAX) ?? null,
    name: '',
    confirmation: '',
    agents: [],
    openInvites: 0,
    personalAgents: 0,
    candidates: [],
    successor: null,
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'describe',
        input: ({ context }) => ({ actorId: context.actorId, userId: context.userId }),
        onDone: [
          {
            guard: 'needsSuccessor',
            target: 'choosingSuccessor',
            actions: assign(({ event }) => ({ ...event.output, name: event.output.name.slice(0, NAME_MAX) })),
          },
          {
            target: 'confirming',
            actions: assign(({ event }) => ({ ...event.output, name: event.output.name.slice(0, NAME_MAX) })),
          },
        ],
        onError: {
          target: 'ended',
          actions: emit(reportFailure),
        },
      },
    },
    choosingSuccessor: {
      tags: ['waiting'],
      entry: emit(({ context }) => ({
        type: 'reply' as const,
        text: msg('delete-user-ask-successor', {
          name: context.name,
          count: context.agents.length,
          agents: context.agents.join(', '),
        }),
        choices: successorChoices(context.candidates),
      })),
      on: {
        choose: [
          { guard: 'isCancel', target: 'ended', actions: 'cancelled' },
          {
            guard: ({ context, event }) =>
              event.type === 'choose' && context.candidates.some((c) => c.id === event.value),
            target: 'confirming',
            actions: assign({
              successor: ({ context, event }) =>
                context.candidates.find((c) => event.type === 'choose' && c.id === event.value) ?? null,
            }),
          },
        ],
        text: { target: 'findingSuccessor' },
      },
    },
    findingSuccessor: {
      invoke: {
        src: 'findSuccessor',
        input: ({ context, event }) => ({
          actorId: context.actorId,
          userId: context.userId,
          reference: event.type === 'text' ? event.text.trim() : '',
        }),
        onDone: { target: 'confirming', actions: assign({ successor: ({ event }) => event.output }) },
        onError: {
          target: 'choosingSuccessor',
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
            msg('delete-user-erase-who', { who: erasedWho(context) }),
            erasureSummary(context, context.successor?.name ?? null, 'their'),
            msg('delete-user-type-to-confirm', { confirmation: context.confirmation }),
          ],
          'paragraph',
        ),
        choices: [[CANCEL_CHOICE]],
      })),
      on: {
        choose: { guard: 'isCancel', target: 'ended', actions: 'cancelled' },
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
        input: ({ context }) => ({
          actorId: context.actorId,
          userId: context.userId,
          successorId: context.successor?.id ?? null,
        }),
        onDone: {
          target: 'ended',
          actions: emit(({ context, event }) => ({
            type: 'reply' as const,
            text: erasedReply(context.name, event.output),
          })),
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
