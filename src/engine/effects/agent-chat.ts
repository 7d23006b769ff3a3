import { turnEffect } from './turn-effect.js';
import type { agentChatFlow } from '../../../flows/agent-chat.js';
import { findVisibleAgent } from '../../domain/agents.js';
import { getPersonalContext } from '../../domain/context.js';
import { ModelUnavailableError } from '../../domain/errors.js';
import type { Locale } from '../../i18n/locales.js';

/**
 * Each message checks access again, so a group or visibility change applies to the very next one;
 * the agent answers in the language of the person's replies (`locale`).
 */
export function agentChatEffects(locale: Locale): Parameters<typeof agentChatFlow.provide>[0] {
  return {
    actors: {
      askAgent: turnEffect(async (deps, input) => {
        const agent = await findVisibleAgent(deps.store, input.userId, input.agentName);
        if (!deps.agentResponder) throw new ModelUnavailableError();
        const reply = await deps.agentResponder.reply({
          agentName: agent.name,
          description: agent.description,
          instructions: agent.instructions,
          personalContext: await getPersonalContext(deps.store, input.userId),
          history: input.history,
          message: input.message,
          locale,
        });
        return { reply, agentName: agent.name };
      }),
    },
  };
}
