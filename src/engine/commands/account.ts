import { logout } from '../../domain/accounts.js';
import { getPersonalContext, clearPersonalContext, updatePersonalContext } from '../../domain/context.js';
import { CONTEXT_FIELDS, type ContextField } from '../../domain/enums.js';
import { ValidationError } from '../../domain/errors.js';
import { refuseArguments, UsageError } from '../args.js';
import { renameUser } from '../../domain/users.js';
import { endConversations } from '../conversations.js';
import { onboardingInput } from '../flows.js';
import { accountTarget, isRefused, LOCKED_OUT } from '../limits.js';
import { joined, msg } from '../../i18n/message.js';
import { text } from '../outbound.js';
import { ago, day, listOrNone, roleName } from './format.js';
import { reply, type CommandContext, type CommandSpec } from './types.js';

function isContextField(name: string): name is ContextField {
  return (CONTEXT_FIELDS as readonly string[]).includes(name);
}

function identityOf(ctx: CommandContext) {
  const { platform, sender } = ctx.inbound;
  return { platform, externalId: sender.externalId, username: sender.username };
}

export const accountCommands: CommandSpec[] = [
  {
    name: 'login',
    audience: 'anyone',
    usage: 'login',
    summary: msg('login-command-summary'),
    privateOnly: true,
    run: async (ctx) => {
      refuseArguments(ctx.args, 'login');
      if (ctx.user) return reply(text(msg('login-already-linked', { name: ctx.user.name })));
      if (await isRefused(ctx.deps, { kind: 'password', who: identityOf(ctx) }))
        return reply(text(LOCKED_OUT));
      return { startFlow: 'login', input: { identity: identityOf(ctx) } };
    },
  },
  {
    name: 'logout',
    audience: 'member',
    usage: 'logout',
    summary: msg('logout-command-summary'),
    run: async (ctx) => {
      refuseArguments(ctx.args, 'logout');
      const identity = identityOf(ctx);
      await logout(ctx.deps.store, { userId: ctx.user.id, identity });
      await endConversations(ctx.deps.sessions, [{ ...identity, userId: ctx.user.id, linkedAt: new Date() }]);
      return reply(text(msg('logout-done')));
    },
  },
  {
    name: 'profile',
    stateless: true,
    audience: 'member',
    usage: 'profile',
    summary: msg('profile-command-summary'),
    answersPrivately: true,
    run: async (ctx) => {
      refuseArguments(ctx.args, 'profile');
      const { user, deps } = ctx;
      const [groups, identities] = await Promise.all([
        deps.store.groups.listUserGroupNames(user.id),
        deps.store.identities.listIdentities(user.id),
      ]);
      return reply(
        text(
          msg('profile-card', {
            who: user.email ? `${user.name} <${user.email}>` : user.name,
            role: roleName(user.role),
            groups: listOrNone(groups),
            // The platforms' own ids, as /profile has always listed them (e.g. "console, slack").
            chats: listOrNone([...new Set(identities.map((i) => i.platform))]),
            since: day(user.createdAt),
            seen: ago(user.lastSeenAt),
          }),
          {
            buttons: [
              [
                { label: msg('profile-change-password'), action: '/password' },
                { label: msg('profile-personal-context'), action: '/context' },
              ],
              [{ label: msg('profile-log-out'), action: '/logout' }],
            ],
          },
        ),
      );
    },
  },
  {
    name: 'name',
    audience: 'member',
    usage: msg('name-command-usage'),
    summary: msg('name-command-summary'),
    run: async (ctx) => {
      if (!ctx.args) return reply(text(msg('name-ask')));
      const user = await renameUser(ctx.deps.store, { userId: ctx.user.id, name: ctx.args });
      return reply(text(msg('name-done', { name: user.name })));
    },
  },
  {
    name: 'password',
    audience: 'member',
    usage: 'password',
    summary: msg('password-command-summary'),
    privateOnly: true,
    run: async (ctx) => {
      refuseArguments(ctx.args, 'password');
      const identity = identityOf(ctx);
      const attempt = { kind: 'password' as const, who: identity, target: accountTarget(ctx.user.id) };
      if (await isRefused(ctx.deps, attempt)) return reply(text(LOCKED_OUT));
      return { startFlow: 'password', input: { userId: ctx.user.id, identity } };
    },
  },
  {
    name: 'onboarding',
    audience: 'member',
    usage: 'onboarding',
    summary: msg('onboarding-command-summary'),
    hidden: true,
    privateOnly: true,
    run: async (ctx) => {
      refuseArguments(ctx.args, 'onboarding');
      return { startFlow: 'onboarding', input: onboardingInput(ctx.user, ctx.deps) };
    },
  },
  {
    name: 'context',
    audience: 'member',
    usage: msg('context-command-usage'),
    summary: msg('context-command-summary'),
    privateOnly: true,
    run: async (ctx) => {
      if (ctx.args.toLowerCase() === 'clear') {
        await clearPersonalContext(ctx.deps.store, ctx.user.id);
        return reply(text(msg('context-cleared')));
      }
      if (ctx.args !== '') {
        const edit = /^(\w+)\s*:\s*([\s\S]*)$/u.exec(ctx.args);
        if (!edit?.[1])
          throw new UsageError(msg('context-name-a-field', { fields: CONTEXT_FIELDS.join(', ') }));
        const field = edit[1].toLowerCase();
        if (!isContextField(field))
          throw new ValidationError('contextField', { kind: 'notOneOf', options: CONTEXT_FIELDS });
        await updatePersonalContext(ctx.deps.store, {
          userId: ctx.user.id,
          fields: { [field]: edit[2]?.trim() || null },
        });
      }
      const fields = await getPersonalContext(ctx.deps.store, ctx.user.id);
      const lines = Object.entries(fields).map(([key, value]) =>
        msg('context-line', { field: msg(`field-${key}`), value }),
      );
      return reply(
        text(
          msg('context-card', {
            known:
              lines.length > 0
                ? msg('context-known', { fields: joined(lines, 'line') })
                : msg('context-unknown'),
            fields: CONTEXT_FIELDS.join(', '),
          }),
          {
            buttons: [
              [
                { label: msg('context-redo-interview'), action: '/onboarding' },
                // i18n-exempt: a button's command, never shown
                { label: msg('context-clear'), action: '/context clear' },
              ],
            ],
          },
        ),
      );
    },
  },
];
