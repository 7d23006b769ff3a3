import { logout } from '../../domain/accounts.js';
import { getPersonalContext, clearPersonalContext, updatePersonalContext } from '../../domain/context.js';
import { CONTEXT_FIELDS, type ContextField } from '../../domain/enums.js';
import { ValidationError } from '../../domain/errors.js';
import { refuseArguments, UsageError } from '../args.js';
import { renameUser } from '../../domain/users.js';
import { endConversations } from '../conversations.js';
import { onboardingInput } from '../flows.js';
import { accountTarget, isRefused, LOCKED_OUT } from '../limits.js';
import { text } from '../outbound.js';
import { ago, listOrNone } from './format.js';
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
    summary: 'link this chat to your existing account (email and password)',
    privateOnly: true,
    run: async (ctx) => {
      refuseArguments(ctx.args, 'login');
      if (ctx.user) return reply(text(`This chat is already linked to your account, ${ctx.user.name}.`));
      if (await isRefused(ctx.deps, { kind: 'password', who: identityOf(ctx) }))
        return reply(text(LOCKED_OUT));
      return { startFlow: 'login', input: { identity: identityOf(ctx) } };
    },
  },
  {
    name: 'logout',
    audience: 'member',
    usage: 'logout',
    summary: 'unlink this chat from your account',
    run: async (ctx) => {
      refuseArguments(ctx.args, 'logout');
      const identity = identityOf(ctx);
      await logout(ctx.deps.store, { userId: ctx.user.id, identity });
      await endConversations(ctx.deps.sessions, [{ ...identity, userId: ctx.user.id, linkedAt: new Date() }]);
      return reply(text('This chat is no longer linked to your account. Use /login to link it again.'));
    },
  },
  {
    name: 'profile',
    stateless: true,
    audience: 'member',
    usage: 'profile',
    summary: 'your account',
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
          [
            `${user.name}${user.email ? ` <${user.email}>` : ''}`,
            `Role: ${user.role}`,
            `Groups: ${listOrNone(groups)}`,
            `Chats: ${listOrNone([...new Set(identities.map((i) => i.platform))])}`,
            `Member since ${user.createdAt.toISOString().slice(0, 10)}, last seen ${ago(user.lastSeenAt)}`,
          ].join('\n'),
          {
            buttons: [
              [
                { label: 'Change password', action: '/password' },
                { label: 'Personal context', action: '/context' },
              ],
              [{ label: 'Log out this chat', action: '/logout' }],
            ],
          },
        ),
      );
    },
  },
  {
    name: 'name',
    audience: 'member',
    usage: 'name <new name>',
    summary: 'change your name',
    run: async (ctx) => {
      if (!ctx.args) return reply(text('Send your new name with the command, like: /name Ada Lovelace'));
      const user = await renameUser(ctx.deps.store, { userId: ctx.user.id, name: ctx.args });
      return reply(text(`Done: you are now ${user.name}.`));
    },
  },
  {
    name: 'password',
    audience: 'member',
    usage: 'password',
    summary: 'change your password',
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
    summary: 'redo the interview',
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
    usage: 'context [clear | <field>: <text>]',
    summary: 'what the agents know about you',
    privateOnly: true,
    run: async (ctx) => {
      if (ctx.args.toLowerCase() === 'clear') {
        await clearPersonalContext(ctx.deps.store, ctx.user.id);
        return reply(text('Your personal context is cleared.'));
      }
      if (ctx.args !== '') {
        const edit = /^(\w+)\s*:\s*([\s\S]*)$/u.exec(ctx.args);
        if (!edit?.[1]) throw new UsageError(`name a field: ${CONTEXT_FIELDS.join(', ')}`);
        const field = edit[1].toLowerCase();
        if (!isContextField(field))
          throw new ValidationError('field', `must be one of ${CONTEXT_FIELDS.join(', ')}`);
        await updatePersonalContext(ctx.deps.store, {
          userId: ctx.user.id,
          fields: { [field]: edit[2]?.trim() || null },
        });
      }
      const fields = await getPersonalContext(ctx.deps.store, ctx.user.id);
      const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
      return reply(
        text(
          [
            lines.length > 0
              ? `What agents know about you:\n${lines.join('\n')}`
              : 'Agents know nothing about you yet.',
            `Change a field with /context <field>: <text> (fields: ${CONTEXT_FIELDS.join(', ')}); an empty text clears it.`,
          ].join('\n\n'),
          {
            buttons: [
              [
                { label: 'Redo the interview', action: '/onboarding' },
                { label: 'Clear it', action: '/context clear' },
              ],
            ],
          },
        ),
      );
    },
  },
];
