import { z } from 'zod';
import { ROLES, type Role } from '../domain/enums.js';
import { INVITE_LIMITS } from '../domain/limits.js';
import { msg, type Message, type Text } from '../i18n/message.js';

/** Splits command arguments on spaces, keeping "quoted text" (straight or curly quotes) together. */
export function tokenize(args: string): string[] {
  const tokens: string[] = [];
  const pattern = /(\w+:)?(?:"([^"]*)"|“([^”]*)”|(\S+))/g;
  for (const match of args.matchAll(pattern)) {
    tokens.push((match[1] ?? '') + (match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return tokens;
}

/** A command's arguments did not fit its usage line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** `problem`: what is wrong, in the person's words; none when the usage line says it all. */
  constructor(readonly problem?: Text) {
    // i18n-exempt: the error's own message, for logs; the person reads `problem`
    super(typeof problem === 'string' ? problem : (problem?.id ?? 'malformed arguments'));
  }
}

const inviteOptions = z.object({
  emails: z.array(z.string()).max(INVITE_LIMITS.emails),
  role: z.enum(ROLES).default('member'),
  groupNames: z.array(z.string()),
  maxUses: z.coerce.number().int().min(1).max(INVITE_LIMITS.maxUses).optional(),
  expiresInDays: z.coerce.number().int().min(1).max(INVITE_LIMITS.expiresInDays).optional(),
  label: z.string().min(1).max(INVITE_LIMITS.labelLength).optional(),
});

export type InviteOptions = z.infer<typeof inviteOptions> & { roleGiven: boolean };

/** `/invite [email…] [admin|member] [group:<name>…] [uses:<n>] [expires:<days>d] [label:"…"]` */
export function parseInviteArgs(args: string): InviteOptions {
  const raw: Record<string, unknown> = { emails: [], groupNames: [] };
  let roleGiven = false;
  for (const token of tokenize(args)) {
    const [key, ...rest] = token.split(':');
    const value = rest.join(':');
    if (rest.length > 0 && key === 'group') (raw.groupNames as string[]).push(value);
    else if (rest.length > 0 && key === 'uses') raw.maxUses = value;
    else if (rest.length > 0 && key === 'expires') raw.expiresInDays = value.replace(/d(ays?)?$/i, '');
    else if (rest.length > 0 && key === 'label') raw.label = value;
    else if ((ROLES as readonly string[]).includes(token.toLowerCase())) {
      raw.role = token.toLowerCase() as Role;
      roleGiven = true;
    } else if (token.includes('@') && !token.startsWith('@')) (raw.emails as string[]).push(token);
    else throw new UsageError(msg('engine-args-not-understood', { token: token.slice(0, 40) }));
  }
  const parsed = inviteOptions.safeParse(raw);
  if (!parsed.success) {
    const option = parsed.error.issues[0]?.path[0];
    throw new UsageError(
      INVITE_OPTION_RULES[option as keyof typeof INVITE_OPTION_RULES] ?? msg('engine-invite-malformed'),
    );
  }
  return { ...parsed.data, roleGiven };
}

/** What each `/invite` option takes, in the words a person types (never the schema's field names). */
/** The limits as they are typed (uses:1000, never 1,000), so as strings rather than numbers to format. */
const INVITE_OPTION_RULES: Record<Exclude<keyof z.infer<typeof inviteOptions>, 'groupNames'>, Message> = {
  emails: msg('engine-invite-rule-emails', { max: String(INVITE_LIMITS.emails) }),
  role: msg('engine-invite-rule-role'),
  maxUses: msg('engine-invite-rule-uses', { max: String(INVITE_LIMITS.maxUses) }),
  expiresInDays: msg('engine-invite-rule-expiry', { max: String(INVITE_LIMITS.expiresInDays) }),
  label: msg('engine-invite-rule-label', { max: String(INVITE_LIMITS.labelLength) }),
};

/**
 * A command's `count` values, one token each. More words than values are a name with spaces typed
 * without quotes: refused with `quoteHint`, never cut to its first word.
 */
export function exactValues(tokens: string[], count: number, quoteHint: Text): string[] {
  if (tokens.length > count) throw new UsageError(quoteHint);
  if (tokens.length < count || tokens.some((token) => token === '')) throw new UsageError();
  return tokens;
}

/** For a command that takes nothing after its name: trailing words are refused, never ignored. */
export function refuseArguments(args: string, command: string): void {
  if (args) throw new UsageError(msg('engine-args-none-taken', { command }));
}

/** `<first> <rest…>`: the first token and everything after it. */
export function splitFirst(args: string): [string, string] {
  const [first = '', ...rest] = tokenize(args);
  return [first, rest.join(' ')];
}

/** `key:value` options (limit:20) out of a token list; the rest are returned as they were. */
export function takeOptions(
  tokens: string[],
  keys: string[],
): { options: Record<string, string>; rest: string[] } {
  const options: Record<string, string> = {};
  const rest: string[] = [];
  for (const token of tokens) {
    const colon = token.indexOf(':');
    const key = colon > 0 ? token.slice(0, colon).toLowerCase() : '';
    if (keys.includes(key)) options[key] = token.slice(colon + 1);
    else rest.push(token);
  }
  return { options, rest };
}
