import { turnEffect } from './turn-effect.js';
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
import { accountTarget, limitedPasswordCheck, loginTarget } from '../limits.js';
import { newPasswordEffects } from './new-password.js';

export function passwordEffects(): Parameters<typeof passwordFlow.provide>[0] {
  return {
    actors: {
      verifyCurrent: turnEffect(async (deps, input) => {
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
      ...newPasswordEffects(),
      applyPassword: turnEffect(async (deps, input) => {
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

export function loginEffects(): Parameters<typeof loginFlow.provide>[0] {
  return {
    actors: {
      login: turnEffect(async (deps, input) => {
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
