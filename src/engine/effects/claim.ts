import { fromPromise } from 'xstate';
import type { claimFlow, InviteCheck } from '../../../flows/claim.js';
import type { FlowIdentity } from '../../../flows/types.js';
import { recordWrongAttempt } from '../limits.js';
import { claimInvite } from '../../domain/claims.js';
import { resolveInviteToken } from '../../domain/invites.js';
import type { EngineDeps } from '../deps.js';
import { newPasswordEffects } from './new-password.js';

type ClaimImplementations = Parameters<typeof claimFlow.provide>[0];

/** The claim flow's effects, from the invite and claim rules. */
export function claimEffects(deps: EngineDeps): ClaimImplementations {
  return {
    actors: {
      ...newPasswordEffects(deps),
      checkInvite: fromPromise<InviteCheck, { tokenHash: string; identity: FlowIdentity }>(
        async ({ input }) => {
          const resolved = await resolveInviteToken(deps.store, Buffer.from(input.tokenHash, 'base64url'));
          if (resolved.kind === 'unusable') {
            if (resolved.reason === 'unknown')
              await recordWrongAttempt(deps, { kind: 'code', who: input.identity });
            return { usable: false, reason: resolved.reason };
          }
          const { invite } = resolved;
          return { usable: true, hasEmail: invite.email !== null, role: invite.role, label: invite.label };
        },
      ),
      createAccount: fromPromise(async ({ input }) => {
        const { user } = await claimInvite(deps.store, {
          tokenHash: Buffer.from(input.tokenHash, 'base64url'),
          name: input.name,
          password: { stagedId: input.stagedId },
          email: input.email,
          identity: input.identity,
          ...(deps.settings.seatLimit ? { seatLimit: deps.settings.seatLimit } : {}),
        });
        return { userId: user.id };
      }),
    },
  };
}
