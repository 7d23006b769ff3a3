import OpenAI from 'openai';
import type { ChatTurn } from '../../flows/agent-chat.js';
import type { Locale } from '../i18n/locales.js';
import { speakInstruction } from './speak.js';

/** What an agent needs to answer one message. */
export interface AgentQuestion {
  agentName: string;
  description: string;
  instructions: string;
  /** The asking person's personal context (what Smithers learned), by field. */
  personalContext: Record<string, string>;
  history: ChatTurn[];
  message: string;
  /** The language the person reads their replies in, which the agent answers in too. */
  locale: Locale;
}

/** Answers for agents; absent when no model is configured. */
export interface AgentResponder {
  reply(question: AgentQuestion): Promise<string>;
}

const REPLY_MAX = 8000;

function systemPrompt(q: AgentQuestion): string {
  const context = Object.entries(q.personalContext).map(([key, value]) => `- ${key}: ${value}`);
  return [
    `You are ${q.agentName}, an assistant for a team. ${q.description}`.trim(),
    q.instructions,
    context.length > 0 ? `What you know about the person you are talking to:\n${context.join('\n')}` : '',
    speakInstruction(q.locale),
    'Answer in plain text. You cannot change anyone’s permissions, roles or groups.',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Agents answered by an OpenAI-compatible chat completions endpoint. */
export function createOpenAiResponder(options: {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs?: number;
}): AgentResponder {
  const client = new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: 1,
  });
  return {
    async reply(question) {
      const completion = await client.chat.completions.create({
        model: options.model,
        messages: [
          { role: 'system', content: systemPrompt(question) },
          ...question.history.map((turn) => ({ role: turn.role, content: turn.text })),
          { role: 'user', content: question.message },
        ],
      });
      const text = completion.choices[0]?.message.content?.trim();
      if (!text) throw new Error('the model gave no answer');
      return text.slice(0, REPLY_MAX);
    },
  };
}
