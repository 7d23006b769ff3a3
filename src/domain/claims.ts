import type { Store } from '../store/store.js';
import type { UserRow } from '../store/users.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { asActor } from './actors.js';
import { recordAudit } from './audit.js';
import type { Platform } from './enums.js';
import { EmailTakenError, IdentityLinkedError, InviteUnusableError } from './errors.js';
import { isActiveAdmin } from './actors.js';
import { inviteReference, unusableReason } from './invites.js';
import { assertSeatAvailable } from './seats.js';
import { prepareNewPassword, type NewPassword } from './staged-passwords.js';
import { emailSchema, parseField, personNameSchema } from './validation.js';

export const PERSONAL_AGENT_NAME = 'Smithers';

export interface ClaimInput {
  tokenHash: Buffer;
  name: string;
  password: NewPassword;
  /** Used only when the invite names no email. */
  email?: string | null;
  identity: { platform: Platform; externalId: string; username: string | null };
  seatLimit?: number;
}

/**
 * An invite lives only while its issuer is an active admin (the system's own have none): the
 * issuer's row is share-locked before the invite's, in the order a demotion takes them, so they
 * cannot lose the rights until this claim has committed. InviteUnusableError('revoked') otherwise.
 */
async function holdIssuer(tx: Store, tokenHash: Buffer): Promise<void> {
  const invite = await tx.invites.getInviteByTokenHash(tokenHash);
  if (!invite?.createdBy) return;
  const issuer = await tx.users.lockUserForShare(invite.createdBy);
  if (!isActiveAdmin(issuer)) throw new InviteUnusableError('revoked');
}

/**
 * Turns one use of an invite into an account: the user, this chat identity, the invite's groups
 * and a personal Smithers, all in one transaction. Throws InviteUnusableError (with the reason),
 * WeakPasswordError, StagedPasswordGoneError, EmailTakenError, IdentityLinkedError or SeatLimitError,
 * and then writes nothing. An invite whose issuer is no longer an active admin is refused as revoked.
 */
export async function claimInvite(
  store: Store,
  input: ClaimInput,
): Promise<{ user: UserRow; personalAgentId: string }> {
  const name = parseField(personNameSchema, 'name', input.name);
  const givenEmail = input.email ? parseField(emailSchema, 'email', input.email) : null;
  const passwordHashIn = await prepareNewPassword(input.password);
  try {
    return await store.tx(async (tx) => {
      const passwordHash = await passwordHashIn(tx);
      if (await tx.identities.getIdentity(input.identity)) throw new IdentityLinkedError();
      await holdIssuer(tx, input.tokenHash);
      const invite = await tx.invites.consumeInviteUse(input.tokenHash);
      if (!invite) {
        const found = await tx.invites.getInviteByTokenHash(input.tokenHash);
        throw new InviteUnusableError(found ? (unusableReason(found) ?? 'used_up') : 'unknown');
      }
      const email = invite.email ?? givenEmail;
      if (email && (await tx.users.getUserByEmail(email))) throw new EmailTakenError(email);
      const user = await tx.users.insertUser({
        name,
        email,
        role: invite.role,
        passwordHash,
        invitedBy: invite.createdBy,
      });
      if (!(await tx.identities.insertIdentity({ ...input.identity, userId: user.id })))
        throw new IdentityLinkedError();
      const groupIds = await tx.invites.listInviteGroupIds(invite.id);
      await tx.groups.addMembers(user.id, groupIds);
      await tx.invites.insertInviteClaim(invite.id, user.id);
      const agent = await tx.agents.insertAgent({
        name: PERSONAL_AGENT_NAME,
        // Described in the reader's language where it is listed (/agents), so the record keeps none.
        description: '',
        instructions: '',
        visibility: 'restricted',
        ownerId: user.id,
        createdBy: user.id,
      });
      await assertSeatAvailable(tx, input.seatLimit, 0, false);
      await recordAudit(tx, {
        action: 'user.claimed',
        actor: asActor(user),
        target: { id: user.id, name: user.name, email: user.email },
        details: {
          invite: inviteReference(invite),
          role: user.role,
          groups: groupIds.length,
          platform: input.identity.platform,
        },
      });
      return { user, personalAgentId: agent.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw new EmailTakenError(givenEmail ?? '');
    if (isUniqueViolation(error, 'identities_pkey')) throw new IdentityLinkedError();
    throw error;
  }
}
