import { fromPromise } from 'xstate';
import type { newPasswordActors } from '../../../flows/new-password.js';
import { confirmStagedPassword, stagePassword } from '../../domain/staged-passwords.js';
import type { EngineDeps } from '../deps.js';

/** The staging effects every flow that sets a new password shares. */
export function newPasswordEffects(deps: EngineDeps): typeof newPasswordActors {
  return {
    stagePassword: fromPromise(async ({ input }) => ({ stagedId: await stagePassword(deps.store, input) })),
    confirmStaged: fromPromise(({ input }) => confirmStagedPassword(deps.store, input)),
  };
}
