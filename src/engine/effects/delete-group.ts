import { turnEffect } from './turn-effect.js';
import type { deleteGroupFlow } from '../../../flows/delete-group.js';
import { deleteGroup, describeGroupDeletion } from '../../domain/groups.js';

type Implementations = Parameters<typeof deleteGroupFlow.provide>[0];

/** Agent names shown in the question; the rest are counted, so the resting snapshot stays small. */
const AGENTS_SHOWN = 10;

function shownAgents(names: string[]): string[] {
  if (names.length <= AGENTS_SHOWN) return names;
  return [...names.slice(0, AGENTS_SHOWN - 1), `${names.length - AGENTS_SHOWN + 1} more`];
}

/** The delete-group flow's effects, from the group rules. */
export function deleteGroupEffects(): Implementations {
  return {
    actors: {
      describe: turnEffect(async (deps, input) => {
        const impact = await describeGroupDeletion(deps.store, input);
        return { ...impact, soleGroupAgents: shownAgents(impact.soleGroupAgents) };
      }),
      deleteGroup: turnEffect(async (deps, input) => {
        const group = await deleteGroup(deps.store, input);
        return { name: group.name };
      }),
    },
  };
}
