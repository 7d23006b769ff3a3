import { requireGroups } from '../../domain/groups.js';
import { listInvites, resendInvite, revokeInvite } from '../../domain/invites.js';
import { parseInviteArgs, UsageError } from '../args.js';
import { joined, msg, type Message } from '../../i18n/message.js';
import { codeMark, text } from '../outbound.js';
import { day, listOrNone, roleName, statusName } from './format.js';
import { reply, type CommandSpec } from './types.js';

const INVITES_PAGE = 20;

export const inviteCommands: CommandSpec[] = [
  {
    name: 'invite',
    audience: 'admin',
    usage: msg('invite-command-usage'),
    summary: msg('invite-command-summary'),
    run: async (ctx) => {
      if (!ctx.args)
        return { startFlow: 'invite', input: { actorId: ctx.user.id, draft: {}, oneLine: false } };
      const options = parseInviteArgs(ctx.args);
      // A misspelt group is refused now, not after the summary's Create (creating checks again).
      const groups =
        options.groupNames.length > 0 ? await requireGroups(ctx.deps.store, options.groupNames) : [];
      const named = (typed: string) => groups.find((g) => g.name.toLowerCase() === typed.toLowerCase())?.name;
      const draft = {
        ...(options.emails.length > 0 ? { emails: options.emails } : {}),
        role: options.role,
        groupNames: options.groupNames.map((typed) => named(typed) ?? typed),
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
    summary: msg('invites-command-summary'),
    answersPrivately: true,
    run: async (ctx) => {
      const afterId = ctx.args.match(/^page:(\S+)$/)?.[1];
      if (ctx.args && !afterId) throw new UsageError();
      const invites = await listInvites(ctx.deps.store, {
        actorId: ctx.user.id,
        limit: INVITES_PAGE + 1,
        ...(afterId ? { afterId } : {}),
      });
      if (invites.length === 0) return reply(text(afterId ? msg('invites-no-older') : msg('invites-none')));
      const page = invites.slice(0, INVITES_PAGE);
      const next = invites.length > INVITES_PAGE ? page[page.length - 1]!.id : undefined;
      const lines = page.map((i) => {
        let line: Message = msg('invites-line', {
          ref: i.reference,
          status: statusName(i.status),
          email: i.email ?? msg('fact-anyone'),
          role: roleName(i.role),
          uses: i.uses,
          maxUses: i.maxUses,
        });
        // i18n-exempt: a status compared, not shown
        if (i.status === 'Pending') line = msg('invites-until', { line, day: day(i.expiresAt) });
        if (i.label) line = msg('invites-label', { line, label: i.label });
        if (i.groupNames.length > 0) line = msg('invites-groups', { line, groups: listOrNone(i.groupNames) });
        if (i.claimedBy.length > 0) line = msg('invites-joined', { line, names: i.claimedBy.join(', ') });
        return i.createdByName
          ? msg('invites-by', { line, name: i.createdByName })
          : msg('invites-by-operator', { line });
      });
      return reply(
        text(msg('invites-list', { lines: joined(lines, 'line') }), {
          // i18n-exempt: a button's command, never shown
          ...(next ? { buttons: [[{ label: msg('invites-older'), action: `/invites page:${next}` }]] } : {}),
        }),
      );
    },
  },
  {
    name: 'revoke',
    audience: 'admin',
    usage: msg('revoke-command-usage'),
    summary: msg('revoke-command-summary'),
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const invite = await revokeInvite(ctx.deps.store, { actorId: ctx.user.id, reference: ctx.args });
      return reply(
        text(msg('revoke-done', { ref: invite.id.slice(0, 8), uses: invite.uses, maxUses: invite.maxUses })),
      );
    },
  },
  {
    name: 'resend',
    audience: 'admin',
    usage: msg('resend-command-usage'),
    summary: msg('resend-command-summary'),
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const { invite, payload } = await resendInvite(ctx.deps.store, {
        actorId: ctx.user.id,
        reference: ctx.args,
        ...(ctx.deps.settings.seatLimit ? { seatLimit: ctx.deps.settings.seatLimit } : {}),
      });
      return reply(
        text(
          msg('resend-link', {
            ref: invite.id.slice(0, 8),
            email: invite.email ?? msg('fact-anyone'),
            until: day(invite.expiresAt),
            code: codeMark(payload),
          }),
          { privately: true },
        ),
      );
    },
  },
];
