import { turnEffect } from './turn-effect.js';
import type { deleteMeFlow, OwnErasureFacts } from '../../../flows/delete-me.js';
import type { deleteUserFlow, ErasureDone, ErasureFacts, Successor } from '../../../flows/delete-user.js';
import {
  describeErasure,
  describeOwnErasure,
  eraseSelf,
  eraseUser,
  findSuccessor,
  type Erasure,
  type ErasurePlan,
} from '../../domain/erasure.js';
import { endConversations } from '../conversations.js';
import type { EngineDeps } from '../deps.js';

/**
 * Agent names shown in the confirmation; the rest are counted ("+3", which reads the same in every
 * language), so the resting snapshot stays small.
 */
const AGENTS_SHOWN = 10;

function shownAgents(names: string[]): string[] {
  if (names.length <= AGENTS_SHOWN) return names;
  return [...names.slice(0, AGENTS_SHOWN - 1), `+${names.length - AGENTS_SHOWN + 1}`];
}

function facts(plan: ErasurePlan): ErasureFacts {
  return {
    name: plan.name,
    confirmation: plan.email ?? plan.name,
    agents: shownAgents(plan.agents),
    openInvites: plan.openInvites,
    personalAgents: plan.personalAgents,
    candidates: plan.candidates.map((c) => ({ id: c.id, name: c.name, role: c.role })),
  };
}

/** Ends the erased person's conversations everywhere, once the erasure has committed. */
async function finish(deps: EngineDeps, erasure: Erasure): Promise<ErasureDone> {
  await endConversations(deps.sessions, erasure.identities);
  return {
    agents: shownAgents(erasure.agents),
    successorName: erasure.successor?.name ?? null,
    invitesRevoked: erasure.invitesRevoked,
  };
}

/** `/delete`'s effects, from the leaving rules. */
export function deleteUserEffects(): Parameters<typeof deleteUserFlow.provide>[0] {
  return {
    actors: {
      describe: turnEffect(async (deps, input) => facts(await describeErasure(deps.store, input))),
      findSuccessor: turnEffect<Successor, { actorId: string; userId: string; reference: string }>(
        async (deps, input) => {
          const { id, name, role } = await findSuccessor(deps.store, input);
          return { id, name, role };
        },
      ),
      erase: turnEffect(async (deps, input) => finish(deps, await eraseUser(deps.store, input))),
    },
  };
}

/** `/deleteme`'s effects, from the leaving rules. */
export function deleteMeEffects(): Parameters<typeof deleteMeFlow.provide>[0] {
  return {
    actors: {
      describe: turnEffect<OwnErasureFacts, { userId: string }>(async (deps, input) => {
        const plan = await describeOwnErasure(deps.store, input);
        return { ...facts(plan), successorName: plan.successor?.name ?? null };
      }),
      erase: turnEffect(async (deps, input) => finish(deps, await eraseSelf(deps.store, input))),
    },
  };
}
