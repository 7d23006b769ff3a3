import type { InviteGreeting } from '../../../flows/invite-greeting.js';
import type { EngineDeps } from '../deps.js';

/** What an invite's greeting names: its issuer, the team (organisation profile, else TEAM_NAME) and its groups. */
export async function greetingOf(
  deps: EngineDeps,
  invite: { createdBy: string | null; groupNames: string[] },
): Promise<InviteGreeting> {
  const { store, settings } = deps;
  const [issuer, organisation] = await Promise.all([
    invite.createdBy ? store.users.getUserById(invite.createdBy) : undefined,
    store.context.getOrganisationContext(),
  ]);
  const company = organisation.company?.trim();
  return {
    inviter: issuer?.name ?? null,
    team: company || settings.teamName || null,
    groups: invite.groupNames,
  };
}
