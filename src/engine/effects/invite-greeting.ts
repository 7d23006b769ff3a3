import type { InviteGreeting } from '../../../flows/invite-greeting.js';
import type { EngineDeps } from '../deps.js';

/** What an invite's greeting names: its issuer, the team (organisation profile, else TEAM_NAME) and its groups. */
export async function greetingOf(
  deps: EngineDeps,
  invite: { issuerName: string | null; groupNames: string[] },
): Promise<InviteGreeting> {
  const organisation = await deps.store.context.getOrganisationContext();
  const company = organisation.company?.trim();
  return {
    inviter: invite.issuerName,
    team: company || deps.settings.teamName || null,
    groups: invite.groupNames,
  };
}
