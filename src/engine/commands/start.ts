import { hashToken, parsePayload } from '../../domain/tokens.js';
import type { Text } from '../../i18n/message.js';
import { isRefused, LOCKED_OUT, recordWrongAttempt } from '../limits.js';
import { text } from '../outbound.js';
import { helpReply, STRANGER_GREETING } from './help.js';
import { reply, type CommandContext, type CommandOutcome, type CommandSpec } from './types.js';

function identityOf(ctx: CommandContext) {
  const { platform, sender } = ctx.inbound;
  return { platform, externalId: sender.externalId, username: sender.username };
}

/** Opens an invite or reset code: the deep-link payload of /start, /claim's argument, or a pasted code. */
async function openCode(ctx: CommandContext, code: string): Promise<CommandOutcome> {
  const attempt = { kind: 'code' as const, who: identityOf(ctx) };
  if (await isRefused(ctx.deps, attempt)) return reply(text(LOCKED_OUT));
  const payload = parsePayload(code);
  if (!payload) {
    await recordWrongAttempt(ctx.deps, attempt);
    return reply(text('That code is not valid. Check that you copied all of it.'));
  }
  const tokenHash = hashToken(payload.token).toString('base64url');
  if (payload.kind === 'invite') {
    if (ctx.user) {
      return reply(
        text(`You already have an account here, ${ctx.user.name}. Send /help to see what you can do.`),
      );
    }
    return { startFlow: 'claim', input: { tokenHash, identity: identityOf(ctx) } };
  }
  return { startFlow: 'resetPassword', input: { tokenHash, identity: identityOf(ctx) } };
}

function greeting(ctx: CommandContext): Text {
  if (ctx.user) return `Hello again, ${ctx.user.name}. Send /help to see what you can do.`;
  return STRANGER_GREETING;
}

export const startCommands: CommandSpec[] = [
  {
    name: 'start',
    audience: 'anyone',
    usage: 'start',
    summary: 'say hello; with an invite or reset link, open it',
    hidden: true,
    privateOnly: true,
    run: async (ctx) => (ctx.args ? openCode(ctx, ctx.args) : reply(text(greeting(ctx)))),
  },
  {
    name: 'claim',
    audience: 'anyone',
    usage: 'claim CODE',
    summary: 'open an invite with its code',
    privateOnly: true,
    run: async (ctx) =>
      ctx.args ? openCode(ctx, ctx.args) : reply(text('Send the code with the command, like: /claim i_AbC…')),
  },
  {
    name: 'help',
    stateless: true,
    audience: 'anyone',
    allowDeactivated: true,
    usage: 'help [command]',
    summary: 'what you can do here; with a command, its syntax and an example',
    run: async (ctx) => helpReply(ctx),
  },
];
