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
import { joined, msg, type Text } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { codeMark, text, type Button } from '../outbound.js';
import { ago, day, listOrNone, platformName, roleName, statusName, UNNAMED } from './format.js';
import { reply, type CommandSpec, type SignedInContext } from './types.js';
import { tellAccountChanged } from '../effects/account-notices.js';

/** The person an admin's words name, preferring a handle on the platform they are typing on. */
export function resolveTarget(ctx: SignedInContext, reference: string): Promise<FoundUser> {
  return resolveUserReference(ctx.deps.store, reference, ctx.inbound.platform);
}

/**
 * How a handle found the person ("@bob on Slack"), for the confirmation; nothing for an email or id.
 * Worded in the operator's language: the flows that confirm take it as a name-like string.
 */
export function viaHandle(ctx: SignedInContext, found: FoundUser): { via?: string } {
  if (!found.handle) return {};
  const { username, platform } = found.handle;
  return {
    via: translate(
      ctx.deps.settings.defaultLocale,
      msg('users-via-handle', { username, platform: platformName(platform) }),
    ),
  };
}

function listLine(row: DirectoryEntry): Text {
  const facts = { role: roleName(row.role), status: statusName(row.status), groups: listOrNone(row.groups) };
  if (row.kind === 'invite') {
    const invite = {
      ...facts,
      name: row.name ?? UNNAMED,
      email: row.email ?? msg('fact-anyone'),
      ref: row.id.slice(0, 8),
    };
    // i18n-exempt: a status compared, not shown
    return row.status === 'Pending' && row.expiresAt
      ? msg('users-pending-invite-line', { ...invite, until: day(row.expiresAt) })
      : msg('users-invite-line', invite);
  }
  return msg('users-person-line', {
    ...facts,
    name: row.name ?? UNNAMED,
    email: row.email ?? msg('users-no-email'),
    seen: ago(row.lastSeenAt),
  });
}

export const userCommands: CommandSpec[] = [
  {
    name: 'users',
    audience: 'admin',
    usage: msg('users-command-usage'),
    summary: msg('users-command-summary'),
    answersPrivately: true,
    run: async (ctx) => {
      const [query, cursor] = ctx.args.startsWith('page:') ? ['', ctx.args.slice(5)] : [ctx.args, undefined];
      const page = await listDirectory(ctx.deps.store, {
        actorId: ctx.user.id,
        ...(query ? { query } : {}),
        ...(cursor ? { after: cursor } : {}),
      });
      if (page.rows.length === 0)
        return reply(text(query ? msg('users-nobody-matches', { query }) : msg('users-nobody')));
      const buttons: Button[][] = page.rows
        .filter((r) => r.kind === 'user')
        .slice(0, 10)
        // i18n-exempt: a button's command, never shown
        .map((u) => [{ label: u.name ?? '', action: `/user ${u.id}` }]);
      if (page.next && !query)
        // i18n-exempt: a button's command, never shown
        buttons.push([{ label: msg('users-next-page'), action: `/users page:${page.next}` }]);
      // Web app buttons open only from private chats.
      if (capabilitiesOf(ctx.deps, ctx.inbound.platform).hasWebApp && ctx.inbound.chat.isPrivate)
        buttons.unshift([{ label: msg('users-open-table'), action: '/users', page: 'users' }]);
      const lines = joined(page.rows.map(listLine), 'line');
      return reply(text(page.next && query ? msg('users-more-match', { lines }) : lines, { buttons }));
    },
  },
  {
    name: 'user',
    audience: 'admin',
    usage: msg('user-command-usage'),
    summary: msg('user-command-summary'),
    answersPrivately: true,
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const found = await resolveTarget(ctx, ctx.args);
      return {
        startFlow: 'manageUser',
        input: { actorId: ctx.user.id, userId: found.user.id, ...viaHandle(ctx, found) },
      };
    },
  },
  {
    name: 'role',
    audience: 'admin',
    usage: msg('role-command-usage'),
    summary: msg('role-command-summary'),
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
          ...viaHandle(ctx, found),
        },
      };
    },
  },
  {
    name: 'deactivate',
    audience: 'admin',
    usage: msg('deactivate-command-usage'),
    summary: msg('deactivate-command-summary'),
    answersPrivately: true,
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const found = await resolveTarget(ctx, ctx.args);
      return {
        startFlow: 'manageUser',
        input: {
          actorId: ctx.user.id,
          userId: found.user.id,
          intent: 'deactivate',
          ...viaHandle(ctx, found),
        },
      };
    },
  },
  {
    name: 'reactivate',
    audience: 'admin',
    usage: msg('reactivate-command-usage'),
    summary: msg('reactivate-command-summary'),
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const { user: target } = await resolveTarget(ctx, ctx.args);
      const user = await reactivateUser(ctx.deps.store, {
        actorId: ctx.user.id,
        userId: target.id,
        ...(ctx.deps.settings.seatLimit ? { seatLimit: ctx.deps.settings.seatLimit } : {}),
      });
      tellAccountChanged(ctx.deps, { actorId: ctx.user.id, userId: user.id }, { kind: 'reactivated' });
      return reply(text(msg('reactivate-done', { name: user.name })));
    },
  },
  {
    name: 'resetpassword',
    audience: 'admin',
    usage: msg('resetpassword-command-usage'),
    summary: msg('resetpassword-command-summary'),
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const { user: target } = await resolveTarget(ctx, ctx.args);
      const link = await issueResetLink(ctx.deps.store, { actorId: ctx.user.id, userId: target.id });
      return reply(
        text(msg('resetpassword-link', { name: link.user.name, code: codeMark(link.payload) }), {
          privately: true,
        }),
      );
    },
  },
];
