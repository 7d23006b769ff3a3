import { issueResetLink } from '../../domain/resets.js';
import {
  listDirectory,
  reactivateUser,
  resolveUserReference,
  type DirectoryEntry,
  type FoundUser,
} from '../../domain/users.js';
import { ROLES, type Role } from '../../domain/enums.js';
import { splitFirst, UsageError } from '../args.js';
import { capabilitiesOf } from '../deps.js';
import { codeMark, text, type Button } from '../outbound.js';
import { ago, day, listOrNone, platformName } from './format.js';
import { reply, type CommandSpec, type SignedInContext } from './types.js';
import { tellAccountChanged } from '../effects/account-notices.js';

/** The person an admin's words name, preferring a handle on the platform they are typing on. */
export function resolveTarget(ctx: SignedInContext, reference: string): Promise<FoundUser> {
  return resolveUserReference(ctx.deps.store, reference, ctx.inbound.platform);
}

/** How a handle found the person ("@bob on Slack"), for the confirmation; nothing for an email or id. */
export function viaHandle(found: FoundUser): { via?: string } {
  return found.handle ? { via: `@${found.handle.username} on ${platformName(found.handle.platform)}` } : {};
}

function listLine(row: DirectoryEntry): string {
  if (row.kind === 'invite')
    return (
      `${row.name ?? '—'} · ${row.email ?? 'anyone'} · ${row.role} · ${row.status} invite ${row.id.slice(0, 8)}` +
      (row.status === 'Pending' && row.expiresAt ? ` until ${day(row.expiresAt)}` : '') +
      ` · groups: ${listOrNone(row.groups)}`
    );
  return (
    `${row.name} · ${row.email ?? 'no email'} · ${row.role} · ${row.status} · ` +
    `groups: ${listOrNone(row.groups)} · seen ${ago(row.lastSeenAt)}`
  );
}

export const userCommands: CommandSpec[] = [
  {
    name: 'users',
    audience: 'admin',
    usage: 'users [query]',
    summary: 'everyone and the open invites, with status and last seen',
    answersPrivately: true,
    run: async (ctx) => {
      const [query, cursor] = ctx.args.startsWith('page:') ? ['', ctx.args.slice(5)] : [ctx.args, undefined];
      const page = await listDirectory(ctx.deps.store, {
        actorId: ctx.user.id,
        ...(query ? { query } : {}),
        ...(cursor ? { after: cursor } : {}),
      });
      if (page.rows.length === 0) return reply(text(query ? `Nobody matches “${query}”.` : 'Nobody yet.'));
      const buttons: Button[][] = page.rows
        .filter((r) => r.kind === 'user')
        .slice(0, 10)
        .map((u) => [{ label: u.name ?? '', action: `/user ${u.id}` }]);
      if (page.next && !query) buttons.push([{ label: 'Next page', action: `/users page:${page.next}` }]);
      // Web app buttons open only from private chats.
      if (capabilitiesOf(ctx.deps, ctx.inbound.platform).hasWebApp && ctx.inbound.chat.isPrivate)
        buttons.unshift([{ label: 'Open the table', action: '/users', page: 'users' }]);
      const more = page.next && query ? '\n(More match: narrow the search.)' : '';
      return reply(text(page.rows.map(listLine).join('\n') + more, { buttons }));
    },
  },
  {
    name: 'user',
    audience: 'admin',
    usage: 'user <user>',
    summary: "one person's panel: role, groups, reset link, deactivate",
    answersPrivately: true,
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const found = await resolveTarget(ctx, ctx.args);
      return {
        startFlow: 'manageUser',
        input: { actorId: ctx.user.id, userId: found.user.id, ...viaHandle(found) },
      };
    },
  },
  {
    name: 'role',
    audience: 'admin',
    usage: 'role <user> admin|member',
    summary: "change someone's role (asks first)",
    run: async (ctx) => {
      const [who, role] = splitFirst(ctx.args);
      if (!who || !(ROLES as readonly string[]).includes(role.toLowerCase())) throw new UsageError();
      const found = await resolveTarget(ctx, who);
      return {
        startFlow: 'manageUser',
        input: {
          actorId: ctx.user.id,
          userId: found.user.id,
          intent: role.toLowerCase() as Role,
          ...viaHandle(found),
        },
      };
    },
  },
  {
    name: 'deactivate',
    audience: 'admin',
    usage: 'deactivate <user>',
    summary: 'lock someone out, keeping their data',
    answersPrivately: true,
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const found = await resolveTarget(ctx, ctx.args);
      return {
        startFlow: 'manageUser',
        input: { actorId: ctx.user.id, userId: found.user.id, intent: 'deactivate', ...viaHandle(found) },
      };
    },
  },
  {
    name: 'reactivate',
    audience: 'admin',
    usage: 'reactivate <user>',
    summary: 'give a deactivated person their access back',
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const { user: target } = await resolveTarget(ctx, ctx.args);
      const user = await reactivateUser(ctx.deps.store, {
        actorId: ctx.user.id,
        userId: target.id,
        ...(ctx.deps.settings.seatLimit ? { seatLimit: ctx.deps.settings.seatLimit } : {}),
      });
      tellAccountChanged(ctx.deps, { actorId: ctx.user.id, userId: user.id }, { kind: 'reactivated' });
      return reply(text(`${user.name} is active again, with the same role and groups.`));
    },
  },
  {
    name: 'resetpassword',
    audience: 'admin',
    usage: 'resetpassword <user>',
    summary: 'a password reset link (7 days, once)',
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const { user: target } = await resolveTarget(ctx, ctx.args);
      const link = await issueResetLink(ctx.deps.store, { actorId: ctx.user.id, userId: target.id });
      return reply(
        text(
          [
            `A reset link for ${link.user.name}; send it to them privately. It works once, for 7 days, and voids older links:`,
            codeMark(link.payload),
          ].join('\n'),
          { privately: true },
        ),
      );
    },
  },
];
