// How an invite greets the person who opens it: who invited them, to which team, as what, into which groups.
import { msg, type Text } from '../src/i18n/message.js';

export interface InviteGreeting {
  /** The admin who issued it; null for the setup invite, which nobody in the team issued. */
  inviter: string | null;
  /** The organisation profile's company, else the TEAM_NAME setting; null when neither says. */
  team: string | null;
  groups: string[];
}

/** The product's name, where nothing names the team. */
const PRODUCT_NAME = 'Gatehouse'; // i18n-exempt: a name, the same in every language

export function inviteGreeting(invite: { role: 'admin' | 'member' } & Partial<InviteGreeting>): Text {
  const args = {
    team: invite.team ?? PRODUCT_NAME,
    as: invite.role === 'admin' ? msg('card-invite-as-admin') : '',
  };
  const invited = invite.inviter
    ? msg('card-invite-from', { ...args, inviter: invite.inviter })
    : msg('card-invite-to', args);
  const groups = invite.groups?.length ? msg('card-invite-groups', { groups: invite.groups.join(', ') }) : '';
  return msg('card-invite-greeting', { invited, groups });
}
