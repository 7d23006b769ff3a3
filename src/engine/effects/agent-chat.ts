import { fromPromise } from 'xstate';
import type { agentChatFlow } from '../../../flows/agent-chat.js';
import { findVisibleAgent } from '../../domain/agents.js';
import { getPersonalContext } from '../../domain/context.js';
import { ModelUnavailableError } from '../../domain/errors.js';
import type { EngineDeps } from '../deps.js';

/** Each message checks access again, so a group or visibility change applies to the very next one. */
export function agentChatEffects(deps: EngineDeps): Parameters<typeof agentChatFlow.provide>[0] {
  return {
    actors: {
      askAgent: fromPromise(async ({ input }) => {
        const agent = await findVisibleAgent(deps.store, input.userId, input.agentName);
        if (!deps.agentResponder) throw new ModelUnavailableError();
        const reply = await deps.agentResponder.reply({
          agentName: agent.name,
          description: agent.description,
          instructions: agent.instructions,
          personalContext: await getPersonalContext(deps.store, input.userId),
          history: input.history,
          message: input.message,
        });
        return { reply, agentName: agent.name };
      }),
    },
  };
}
