import { issueResetLink } from '../../domain/resets.js';
import { changeRole, findUser, listUsers, reactivateUser } from '../../domain/users.js';
import { ROLES, type Role } from '../../domain/enums.js';
import { codeInstructions } from '../../setup-invite.js';
import { splitFirst, UsageError } from '../args.js';
import { capabilitiesOf } from '../deps.js';
import { text, type Button } from '../outbound.js';
import { ago, listOrNone } from './format.js';
import { reply, type CommandSpec } from './types.js';

export const userCommands: CommandSpec[] = [
  {
    name: 'users',
    audience: 'admin',
    usage: 'users [query]',
    summary: 'everyone, with status and last seen',
    answersPrivately: true,
    run: async (ctx) => {
      const [query, cursor] = ctx.args.startsWith('page:') ? ['', ctx.args.slice(5)] : [ctx.args, undefined];
      const page = await listUsers(ctx.deps.store, {
        actorId: ctx.user.id,
        ...(query ? { query } : {}),
        ...(cursor ? { after: cursor } : {}),
      });
      if (page.users.length === 0) return reply(text(query ? `Nobody matches “${query}”.` : 'Nobody yet.'));
      const lines = page.users.map(
        (u) =>
          `${u.name} · ${u.email ?? 'no email'} · ${u.role} · ${u.status === 'active' ? 'Active' : 'Deactivated'} · ` +
          `groups: ${listOrNone(u.groups)} · seen ${ago(u.lastSeenAt)}`,
      );
      const buttons: Button[][] = page.users
        .slice(0, 10)
        .map((u) => [{ label: u.name, action: `/user ${u.id}` }]);
      if (page.next && !query) buttons.push([{ label: 'Next page', action: `/users page:${page.next}` }]);
      // Web app buttons open only from private chats.
      if (capabilitiesOf(ctx.deps, ctx.inbound.platform).hasWebApp && ctx.inbound.chat.isPrivate)
        buttons.unshift([{ label: 'Open the table', action: '/users', page: 'users' }]);
      const more = page.next && query ? '\n(More match: narrow the search.)' : '';
      return reply(text(lines.join('\n') + more, { buttons }));
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
      const target = await findUser(ctx.deps.store, ctx.args);
      return { startFlow: 'manageUser', input: { actorId: ctx.user.id, userId: target.id } };
    },
  },
  {
    name: 'role',
    audience: 'admin',
    usage: 'role <user> admin|member',
    summary: "change someone's role",
    run: async (ctx) => {
      const [who, role] = splitFirst(ctx.args);
      if (!who || !(ROLES as readonly string[]).includes(role.toLowerCase())) throw new UsageError();
      const target = await findUser(ctx.deps.store, who);
      const user = await changeRole(ctx.deps.store, {
        actorId: ctx.user.id,
        userId: target.id,
        role: role.toLowerCase() as Role,
      });
      return reply(text(`${user.name} is now ${user.role === 'admin' ? 'an admin' : 'a member'}.`));
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
      const target = await findUser(ctx.deps.store, ctx.args);
      return {
        startFlow: 'manageUser',
        input: { actorId: ctx.user.id, userId: target.id, intent: 'deactivate' },
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
      const target = await findUser(ctx.deps.store, ctx.args);
      const user = await reactivateUser(ctx.deps.store, {
        actorId: ctx.user.id,
        userId: target.id,
        ...(ctx.deps.settings.seatLimit ? { seatLimit: ctx.deps.settings.seatLimit } : {}),
      });
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
      const target = await findUser(ctx.deps.store, ctx.args);
      const link = await issueResetLink(ctx.deps.store, { actorId: ctx.user.id, userId: target.id });
      return reply(
        text(
          [
            `A reset link for ${link.user.name}; send it to them privately. It works once, for 7 days, and voids older links:`,
            ...codeInstructions(link.payload, ctx.deps.settings),
          ].join('\n'),
          { privately: true },
        ),
      );
    },
  },
];
