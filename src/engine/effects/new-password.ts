import { turnEffect } from './turn-effect.js';
import type { newPasswordActors } from '../../../flows/new-password.js';
import { confirmStagedPassword, stagePassword } from '../../domain/staged-passwords.js';

/** The staging effects every flow that sets a new password shares. */
export function newPasswordEffects(): typeof newPasswordActors {
  return {
    stagePassword: turnEffect(async (deps, input) => ({ stagedId: await stagePassword(deps.store, input) })),
    confirmStaged: turnEffect((deps, input) => confirmStagedPassword(deps.store, input)),
  };
}
