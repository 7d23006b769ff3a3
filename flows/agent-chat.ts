import { assign, emit, fromPromise, setup } from 'xstate';
import { errorCode, notProvided, type FlowEmitted, type FlowEvent } from './types.js';
import { reportFailure } from './kit.js';
import { msg } from '../src/i18n/message.js';

/** Turns kept for the model's context; older ones fall off. */
export const AGENT_HISTORY_TURNS = 10;
const TURN_TEXT_MAX = 2000;

export interface ChatTurn {
  role: 'user' | 'assistant';
  text: string;
}

interface AgentChatContext {
  userId: string;
  agentName: string;
  history: ChatTurn[];
}

function remember(history: ChatTurn[], ...turns: ChatTurn[]): ChatTurn[] {
  return [...history, ...turns.map((t) => ({ ...t, text: t.text.slice(0, TURN_TEXT_MAX) }))].slice(
    -AGENT_HISTORY_TURNS,
  );
}

/**
 * Talking to one agent: every message goes to it (its access checked each time) until /cancel.
 * Started with a first message (`/ask <agent> <text>`) or empty (a "Talk" button).
 */
export const agentChatFlow = setup({
  types: {
    context: {} as AgentChatContext,
    events: {} as FlowEvent,
    input: {} as { userId: string; agentName: string; firstMessage: string | null },
    emitted: {} as FlowEmitted,
  },
  actors: {
    askAgent: fromPromise<
      { reply: string; agentName: string },
      { userId: string; agentName: string; message: string; history: ChatTurn[] }
    >(() => notProvided('askAgent')),
  },
  guards: {
    hasFirstMessage: ({ context }) => context.history.length > 0,
    lostAccess: ({ event }) => 'error' in event && errorCode(event.error) === 'unknown_agent',
  },
}).createMachine({
  id: 'agentChat',
  context: ({ input }) => ({
    userId: input.userId,
    agentName: input.agentName,
    history: input.firstMessage ? [{ role: 'user', text: input.firstMessage.slice(0, TURN_TEXT_MAX) }] : [],
  }),
  initial: 'starting',
  states: {
    starting: {
      always: [
        { guard: 'hasFirstMessage', target: 'asking' },
        {
          target: 'listening',
          actions: emit(({ context }) => ({
            type: 'reply' as const,
            text: msg('agent-chat-talking-to', { agent: context.agentName }),
          })),
        },
      ],
    },
    listening: {
      tags: ['waiting'],
      on: {
        text: {
          target: 'asking',
          actions: assign({
            history: ({ context, event }) => remember(context.history, { role: 'user', text: event.text }),
          }),
        },
      },
    },
    asking: {
      invoke: {
        src: 'askAgent',
        input: ({ context }) => ({
          userId: context.userId,
          agentName: context.agentName,
          message: context.history[context.history.length - 1]?.text ?? '',
          history: context.history.slice(0, -1),
        }),
        onDone: {
          target: 'listening',
          actions: [
            assign({
              history: ({ context, event }) =>
                remember(context.history, { role: 'assistant', text: event.output.reply }),
            }),
            emit(({ event }) => ({
              type: 'reply' as const,
              text: `${event.output.agentName}: ${event.output.reply}`,
            })),
          ],
        },
        onError: [
          {
            guard: 'lostAccess',
            target: 'ended',
            actions: emit(reportFailure),
          },
          {
            target: 'listening',
            actions: [
              assign({ history: ({ context }) => context.history.slice(0, -1) }),
              emit(reportFailure),
            ],
          },
        ],
      },
    },
    ended: { type: 'final' },
  },
});
