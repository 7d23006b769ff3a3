import { fromPromise } from 'xstate';
import type { loginFlow } from '../../../flows/login.js';
import type { passwordFlow } from '../../../flows/password.js';
import {
  applyNewPasswordHash,
  findAccountByEmail,
  loginWithPassword,
  verifyCurrentPassword,
} from '../../domain/accounts.js';
import { asTarget, requireActiveUser } from '../../domain/actors.js';
import { hashPassword, verifyPassword } from '../../domain/passwords.js';
import { endConversations } from '../conversations.js';
import type { EngineDeps } from '../deps.js';
import { accountTarget, limitedPasswordCheck, loginTarget } from '../limits.js';

export function passwordEffects(deps: EngineDeps): Parameters<typeof passwordFlow.provide>[0] {
  return {
    actors: {
      verifyCurrent: fromPromise(async ({ input }) => {
        const user = await requireActiveUser(deps.store, input.userId);
        await limitedPasswordCheck(
          deps,
          { who: input.identity, target: accountTarget(user.id), account: asTarget(user) },
          () => verifyCurrentPassword(deps.store, input),
        );
      }),
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
        const account = await findAccountByEmail(deps.store, input.email);
        const user = await limitedPasswordCheck(
          deps,
          {
            who: input.identity,
            target: loginTarget(input.email, account?.id),
            account: account && asTarget(account),
          },
          () => loginWithPassword(deps.store, input),
        );
        return { userId: user.id, name: user.name };
      }),
    },
  };
}
