import { listInvites, resendInvite, revokeInvite } from '../../domain/invites.js';
import { parseInviteArgs, UsageError } from '../args.js';
import { codeMark, text } from '../outbound.js';
import { day, listOrNone } from './format.js';
import { reply, type CommandSpec } from './types.js';

const INVITES_PAGE = 20;

export const inviteCommands: CommandSpec[] = [
  {
    name: 'invite',
    audience: 'admin',
    usage: 'invite [email…] [admin|member] [group:<name>…] [uses:<n>] [expires:<days>d] [label:"…"]',
    summary: 'invite people; the link is shown once, privately',
    run: async (ctx) => {
      if (!ctx.args)
        return { startFlow: 'invite', input: { actorId: ctx.user.id, draft: {}, oneLine: false } };
      const options = parseInviteArgs(ctx.args);
      const draft = {
        ...(options.emails.length > 0 ? { emails: options.emails } : {}),
        role: options.role,
        groupNames: options.groupNames,
        ...(options.maxUses ? { maxUses: options.maxUses } : {}),
        ...(options.expiresInDays ? { expiresInDays: options.expiresInDays } : {}),
        ...(options.label ? { label: options.label } : {}),
      };
      return { startFlow: 'invite', input: { actorId: ctx.user.id, draft, oneLine: true } };
    },
  },
  {
    name: 'invites',
    audience: 'admin',
    usage: 'invites',
    summary: 'pending, expired, used and revoked invites with their uses and who issued them',
    answersPrivately: true,
    run: async (ctx) => {
      const afterId = ctx.args.match(/^page:(\S+)$/)?.[1];
      if (ctx.args && !afterId) throw new UsageError();
      const invites = await listInvites(ctx.deps.store, {
        actorId: ctx.user.id,
        limit: INVITES_PAGE + 1,
        ...(afterId ? { afterId } : {}),
      });
      if (invites.length === 0)
        return reply(text(afterId ? 'No older invites.' : 'No invites yet. Create one with /invite.'));
      const page = invites.slice(0, INVITES_PAGE);
      const next = invites.length > INVITES_PAGE ? page[page.length - 1]!.id : undefined;
      const lines = page.map(
        (i) =>
          `${i.reference} · ${i.status} · ${i.email ?? 'anyone'} · ${i.role} · ${i.uses}/${i.maxUses} used` +
          (i.status === 'Pending' ? ` · until ${day(i.expiresAt)}` : '') +
          (i.label ? ` · “${i.label}”` : '') +
          (i.groupNames.length > 0 ? ` · groups: ${listOrNone(i.groupNames)}` : '') +
          (i.claimedBy.length > 0 ? ` · joined: ${i.claimedBy.join(', ')}` : '') +
          ` · by ${i.createdByName ?? 'the operator'}`,
      );
      return reply(
        text(`Invites (newest first):\n${lines.join('\n')}\n\n/revoke <ref> or /resend <ref>`, {
          ...(next ? { buttons: [[{ label: 'Older', action: `/invites page:${next}` }]] } : {}),
        }),
      );
    },
  },
  {
    name: 'revoke',
    audience: 'admin',
    usage: 'revoke <invite>',
    summary: 'revoke a pending invite (by its ref, email or label)',
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const invite = await revokeInvite(ctx.deps.store, { actorId: ctx.user.id, reference: ctx.args });
      return reply(
        text(
          `Invite ${invite.id.slice(0, 8)} is revoked; ${invite.uses} of ${invite.maxUses} uses were taken.`,
        ),
      );
    },
  },
  {
    name: 'resend',
    audience: 'admin',
    usage: 'resend <invite>',
    summary: 'a fresh link for an expired invite',
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const { invite, payload } = await resendInvite(ctx.deps.store, {
        actorId: ctx.user.id,
        reference: ctx.args,
        ...(ctx.deps.settings.seatLimit ? { seatLimit: ctx.deps.settings.seatLimit } : {}),
      });
      return reply(
        text(
          [
            `A fresh link for invite ${invite.id.slice(0, 8)} (${invite.email ?? 'anyone'}), valid until ${day(invite.expiresAt)}. The old link no longer works:`,
            codeMark(payload),
          ].join('\n'),
          { privately: true },
        ),
      );
    },
  },
];
