import { turnEffect } from './turn-effect.js';
import type { resetPasswordFlow, ResetCheck } from '../../../flows/reset-password.js';
import type { FlowIdentity } from '../../../flows/types.js';
import { recordWrongAttempt } from '../limits.js';
import { completeReset, resolveResetToken } from '../../domain/resets.js';
import { endConversations } from '../conversations.js';
import { newPasswordEffects } from './new-password.js';

type Implementations = Parameters<typeof resetPasswordFlow.provide>[0];

export function resetPasswordEffects(): Implementations {
  return {
    actors: {
      ...newPasswordEffects(),
      checkReset: turnEffect<ResetCheck, { tokenHash: string; identity: FlowIdentity }>(
        async (deps, input) => {
          const resolved = await resolveResetToken(deps.store, Buffer.from(input.tokenHash, 'base64url'));
          if (resolved.kind === 'unusable' && resolved.reason === 'unknown') {
            await recordWrongAttempt(deps, { kind: 'code', who: input.identity });
          }
          return resolved.kind === 'reset'
            ? { usable: true, userName: resolved.userName }
            : { usable: false, reason: resolved.reason };
        },
      ),
      setPassword: turnEffect(async (deps, input) => {
        const { user, unlinked } = await completeReset(deps.store, {
          tokenHash: Buffer.from(input.tokenHash, 'base64url'),
          password: { stagedId: input.stagedId },
          identity: input.identity,
        });
        await endConversations(deps.sessions, unlinked);
        return { userId: user.id, chatsLoggedOut: unlinked.length };
      }),
    },
  };
}
