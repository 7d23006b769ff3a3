import { fromPromise } from 'xstate';
import type { loginFlow } from '../../../flows/login.js';
import type { passwordFlow } from '../../../flows/password.js';
import { applyNewPasswordHash, loginWithPassword, verifyCurrentPassword } from '../../domain/accounts.js';
import { hashPassword, verifyPassword } from '../../domain/passwords.js';
import { endConversations } from '../conversations.js';
import type { EngineDeps } from '../deps.js';
import { LockedOutError, WrongCredentialsError } from '../../domain/errors.js';
import { isLockedOut, recordWrongAttempt } from '../limits.js';

export function passwordEffects(deps: EngineDeps): Parameters<typeof passwordFlow.provide>[0] {
  return {
    actors: {
      verifyCurrent: fromPromise(({ input }) => verifyCurrentPassword(deps.store, input)),
      stagePassword: fromPromise(async ({ input }) => ({ hash: await hashPassword(input.password) })),
      matchesStaged: fromPromise(({ input }) => verifyPassword(input.hash, input.password)),
      applyPassword: fromPromise(async ({ input }) => {
        const { unlinked } = await applyNewPasswordHash(deps.store, {
          userId: input.userId,
          passwordHash: input.hash,
          unlinkOtherChats: input.logOutOthers,
          identity: input.identity,
        });
        await endConversations(deps.sessions, unlinked);
        return { chatsLoggedOut: unlinked.length };
      }),
    },
  };
}

export function loginEffects(deps: EngineDeps): Parameters<typeof loginFlow.provide>[0] {
  return {
    actors: {
      login: fromPromise(async ({ input }) => {
        if (await isLockedOut(deps, 'login', input.identity)) throw new LockedOutError();
        try {
          const user = await loginWithPassword(deps.store, input);
          return { userId: user.id, name: user.name };
        } catch (error) {
          if (error instanceof WrongCredentialsError) await recordWrongAttempt(deps, 'login', input.identity);
          throw error;
        }
      }),
    },
  };
}
