import { turnEffect } from './turn-effect.js';
import type { claimFlow, InviteCheck } from '../../../flows/claim.js';
import type { FlowIdentity } from '../../../flows/types.js';
import { inviteTarget, isRefused, recordWrongAttempt, type Attempt } from '../limits.js';
import { claimInvite } from '../../domain/claims.js';
import { EmailTakenError, LockedOutError, ValidationError } from '../../domain/errors.js';
import { resolveInviteToken } from '../../domain/invites.js';
import { newPasswordEffects } from './new-password.js';
import { greetingOf } from './invite-greeting.js';

type ClaimImplementations = Parameters<typeof claimFlow.provide>[0];

/** An email the claimant typed that the claim refused: taken, or one the rules do not accept. */
function isRefusedEmail(error: unknown): boolean {
  return error instanceof EmailTakenError || (error instanceof ValidationError && error.field === 'email');
}

/** The claim flow's effects, from the invite and claim rules. */
export function claimEffects(): ClaimImplementations {
  return {
    actors: {
      ...newPasswordEffects(),
      checkInvite: turnEffect<InviteCheck, { tokenHash: string; identity: FlowIdentity }>(
        async (deps, input) => {
          const resolved = await resolveInviteToken(deps.store, Buffer.from(input.tokenHash, 'base64url'));
          if (resolved.kind === 'unusable') {
            if (resolved.reason === 'unknown')
              await recordWrongAttempt(deps, { kind: 'code', who: input.identity });
            return { usable: false, reason: resolved.reason };
          }
          const { invite, issuerName } = resolved;
          return {
            usable: true,
            hasEmail: invite.email !== null,
            role: invite.role,
            label: invite.label,
            ...(await greetingOf(deps, { issuerName, groupNames: invite.groupNames })),
          };
        },
      ),
      // An email the claimant types is limited per invite and chat, so the claim is no way to find out
      // which emails have an account.
      createAccount: turnEffect(async (deps, input) => {
        const emailAttempt: Attempt | undefined =
          input.email === null
            ? undefined
            : { kind: 'email', who: input.identity, target: inviteTarget(input.tokenHash) };
        if (emailAttempt && (await isRefused(deps, emailAttempt))) throw new LockedOutError();
        try {
          const { user } = await claimInvite(deps.store, {
            tokenHash: Buffer.from(input.tokenHash, 'base64url'),
            name: input.name,
            password: { stagedId: input.stagedId },
            email: input.email,
            identity: input.identity,
            ...(deps.settings.seatLimit ? { seatLimit: deps.settings.seatLimit } : {}),
          });
          return { userId: user.id };
        } catch (error) {
          if (emailAttempt && isRefusedEmail(error)) await recordWrongAttempt(deps, emailAttempt);
          throw error;
        }
      }),
    },
  };
}
