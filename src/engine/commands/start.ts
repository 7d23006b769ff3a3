import { hashToken, parsePayload } from '../../domain/tokens.js';
import { isRefused, LOCKED_OUT, recordWrongAttempt } from '../limits.js';
import { msg, type Text } from '../../i18n/message.js';
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
    return reply(text(msg('start-code-not-valid')));
  }
  const tokenHash = hashToken(payload.token).toString('base64url');
  if (payload.kind === 'invite') {
    if (ctx.user) {
      return reply(text(msg('start-has-account', { name: ctx.user.name })));
    }
    return { startFlow: 'claim', input: { tokenHash, identity: identityOf(ctx) } };
  }
  return { startFlow: 'resetPassword', input: { tokenHash, identity: identityOf(ctx) } };
}

function greeting(ctx: CommandContext): Text {
  if (ctx.user) return msg('start-hello-again', { name: ctx.user.name });
  return STRANGER_GREETING;
}

export const startCommands: CommandSpec[] = [
  {
    name: 'start',
    audience: 'anyone',
    usage: 'start',
    summary: msg('start-command-summary'),
    hidden: true,
    privateOnly: true,
    run: async (ctx) => (ctx.args ? openCode(ctx, ctx.args) : reply(text(greeting(ctx)))),
  },
  {
    name: 'claim',
    audience: 'anyone',
    usage: msg('claim-command-usage'),
    summary: msg('claim-command-summary'),
    privateOnly: true,
    run: async (ctx) => (ctx.args ? openCode(ctx, ctx.args) : reply(text(msg('claim-ask-code')))),
  },
  {
    name: 'help',
    stateless: true,
    audience: 'anyone',
    allowDeactivated: true,
    usage: msg('help-command-usage'),
    summary: msg('help-command-summary'),
    run: async (ctx) => helpReply(ctx),
  },
];
