import { fromPromise } from 'xstate';
import type { loginFlow } from '../../../flows/login.js';
import type { passwordFlow } from '../../../flows/password.js';
import {
  findAccountByEmail,
  loginWithPassword,
  setNewPassword,
  verifyCurrentPassword,
} from '../../domain/accounts.js';
import { requireActiveUser } from '../../domain/actors.js';
import { endConversations } from '../conversations.js';
import type { EngineDeps } from '../deps.js';
import { accountTarget, limitedPasswordCheck, loginTarget } from '../limits.js';
import { newPasswordEffects } from './new-password.js';

export function passwordEffects(deps: EngineDeps): Parameters<typeof passwordFlow.provide>[0] {
  return {
    actors: {
      verifyCurrent: fromPromise(async ({ input }) => {
        const user = await requireActiveUser(deps.store, input.userId);
        await limitedPasswordCheck(
          deps,
          {
            who: input.identity,
            target: accountTarget(user.id),
            accountId: user.id,
            via: 'current-password',
          },
          () => verifyCurrentPassword(deps.store, input),
        );
      }),
      ...newPasswordEffects(deps),
      applyPassword: fromPromise(async ({ input }) => {
        const { unlinked } = await setNewPassword(deps.store, {
          userId: input.userId,
          password: { stagedId: input.stagedId },
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
        const account = await findAccountByEmail(deps.store, input.email);
        const user = await limitedPasswordCheck(
          deps,
          {
            who: input.identity,
            target: loginTarget(input.email, account?.id),
            accountId: account?.id,
            via: 'login',
          },
          () => loginWithPassword(deps.store, input),
        );
        return { userId: user.id, name: user.name };
      }),
    },
  };
}
