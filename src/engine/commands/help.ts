import type { UserRow } from '../../store/users.js';
import type { Locale } from '../../i18n/locales.js';
import { joined, msg, type Message, type Text } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { DEACTIVATED_NOTICE } from '../replies.js';
import { text, type Button, type Outbound } from '../outbound.js';
import { localeOf } from '../turn-scope.js';
import { findCommand, nearestCommand } from './index.js';
import { reply, type CommandContext, type CommandOutcome, type CommandSpec } from './types.js';

/** Who asks for help: what they see depends on whether they may get in, are in, or are locked out. */
export type Caller = 'stranger' | 'member' | 'admin' | 'deactivated';

export function callerOf(user: UserRow | undefined): Caller {
  if (!user) return 'stranger';
  return user.status === 'active' ? user.role : 'deactivated';
}

/** One command's line in /help, and the example `/help <command>` shows. */
interface Entry {
  name: string;
  line: Message;
  example?: Message;
}

/** A purpose in /help; `strangersOnly` for the ways in, which a signed-in person never needs. */
interface Section {
  title: Message;
  strangersOnly?: boolean;
  entries: Entry[];
}

/** /help's sections, in the order it shows them. Each command's full syntax lives in its spec. */
export const HELP_SECTIONS: Section[] = [
  {
    title: msg('help-section-getting-in'),
    strangersOnly: true,
    entries: [
      { name: 'claim', line: msg('help-line-claim'), example: msg('help-example-claim') },
      { name: 'login', line: msg('help-line-login') },
    ],
  },
  {
    title: msg('help-section-account'),
    entries: [
      { name: 'profile', line: msg('help-line-profile') },
      { name: 'name', line: msg('help-line-name'), example: msg('help-example-name') },
      { name: 'password', line: msg('help-line-password') },
      { name: 'language', line: msg('help-line-language'), example: msg('help-example-language') },
      { name: 'context', line: msg('help-line-context'), example: msg('help-example-context') },
      { name: 'onboarding', line: msg('help-line-onboarding') },
      { name: 'logout', line: msg('help-line-logout') },
    ],
  },
  {
    title: msg('help-section-agents'),
    entries: [
      { name: 'agents', line: msg('help-line-agents') },
      { name: 'ask', line: msg('help-line-ask'), example: msg('help-example-ask') },
      { name: 'agent', line: msg('help-line-agent'), example: msg('help-example-agent') },
    ],
  },
  {
    title: msg('help-section-invites'),
    entries: [
      { name: 'invite', line: msg('help-line-invite'), example: msg('help-example-invite') },
      { name: 'invites', line: msg('help-line-invites') },
      { name: 'revoke', line: msg('help-line-revoke'), example: msg('help-example-revoke') },
      { name: 'resend', line: msg('help-line-resend'), example: msg('help-example-resend') },
    ],
  },
  {
    title: msg('help-section-people'),
    entries: [
      { name: 'users', line: msg('help-line-users'), example: msg('help-example-users') },
      { name: 'user', line: msg('help-line-user'), example: msg('help-example-user') },
      { name: 'role', line: msg('help-line-role'), example: msg('help-example-role') },
      { name: 'deactivate', line: msg('help-line-deactivate'), example: msg('help-example-deactivate') },
      { name: 'reactivate', line: msg('help-line-reactivate'), example: msg('help-example-reactivate') },
      {
        name: 'resetpassword',
        line: msg('help-line-resetpassword'),
        example: msg('help-example-resetpassword'),
      },
      { name: 'groups', line: msg('help-line-groups') },
      { name: 'group', line: msg('help-line-group'), example: msg('help-example-group') },
      { name: 'audit', line: msg('help-line-audit'), example: msg('help-example-audit') },
      { name: 'delete', line: msg('help-line-delete'), example: msg('help-example-delete') },
    ],
  },
  {
    title: msg('help-section-leaving'),
    entries: [
      { name: 'export', line: msg('help-line-export') },
      { name: 'deleteme', line: msg('help-line-deleteme') },
    ],
  },
];

/** The commands about the conversation itself, which /help <command> explains too. */
const SESSION_HELP: Record<string, Message> = {
  cancel: msg('help-about-cancel'),
  skip: msg('help-about-skip'),
};

/** Whether `caller` may run `spec` at all (where a chat kind allows), as the router's guards decide. */
function mayUse(spec: CommandSpec, caller: Caller): boolean {
  if (caller === 'deactivated') return spec.allowDeactivated === true;
  if (spec.audience === 'anyone') return true;
  return caller === 'admin' || (caller === 'member' && spec.audience === 'member');
}

const HEADINGS: Record<Caller, Message> = {
  stranger: msg('help-heading-stranger'),
  member: msg('help-heading-member'),
  admin: msg('help-heading-admin'),
  deactivated: msg('help-heading-deactivated'),
};

/** The everyday actions for a caller, as buttons under /help and the free-text reply. */
const EVERYDAY: Record<Caller, Button[][]> = {
  stranger: [
    [
      { label: msg('help-button-log-in'), action: '/login' },
      // i18n-exempt: the command the button sends
      { label: msg('help-button-how-to-join'), action: '/help claim' },
    ],
  ],
  member: [
    [
      { label: msg('help-button-agents'), action: '/agents' },
      { label: msg('help-button-profile'), action: '/profile' },
    ],
  ],
  admin: [
    [
      { label: msg('help-button-invite'), action: '/invite' },
      { label: msg('help-button-people'), action: '/users' },
    ],
    [
      { label: msg('help-button-agents'), action: '/agents' },
      { label: msg('help-button-profile'), action: '/profile' },
    ],
  ],
  deactivated: [
    [
      { label: msg('help-button-export'), action: '/export' },
      { label: msg('help-button-delete-account'), action: '/deleteme' },
    ],
  ],
};

/** Buttons only in a private chat: in a group everyone would see (and could tap) the caller's. */
function everyday(caller: Caller, inPrivateChat: boolean): { buttons?: Button[][] } {
  return inPrivateChat ? { buttons: EVERYDAY[caller] } : {};
}

function overview(caller: Caller): Text {
  const sections = HELP_SECTIONS.filter((s) => !s.strangersOnly || caller === 'stranger')
    .map((s) => ({
      title: s.title,
      lines: s.entries.filter((e) => mayUse(findCommand(e.name)!, caller)).map((e) => e.line),
    }))
    .filter((s) => s.lines.length > 0)
    .map((s) => joined([s.title, ...s.lines], 'line'));
  const example = caller === 'stranger' ? 'login' : caller === 'deactivated' ? 'deleteme' : 'ask';
  return joined([HEADINGS[caller], ...sections, msg('help-footer', { example })], 'paragraph');
}

function entryOf(name: string): Entry | undefined {
  return HELP_SECTIONS.flatMap((s) => s.entries).find((e) => e.name === name);
}

/** Why a known command is not the caller's to use. */
function notYours(spec: CommandSpec, caller: Caller): Text {
  if (caller === 'deactivated') return DEACTIVATED_NOTICE;
  if (caller === 'stranger') return msg('help-needs-account', { command: spec.name });
  return msg('help-admins-only', { command: spec.name });
}

/**
 * A command's syntax, one form a line, and its summary as a sentence: worded here, in the reader's
 * language, since a spec's usage and summary are cut and capitalised, which a message cannot be.
 */
function details(spec: CommandSpec, locale: Locale): string {
  const summary = translate(locale, spec.summary);
  const example = entryOf(spec.name)?.example;
  return [
    ...translate(locale, spec.usage)
      .split(' · ')
      .map((usage) => `/${usage}`),
    translate(
      locale,
      msg('help-summary', { summary: summary.charAt(0).toLocaleUpperCase(locale) + summary.slice(1) }),
    ),
    ...(example ? [translate(locale, msg('help-example', { example }))] : []),
    ...(spec.privateOnly ? [translate(locale, msg('help-private-only'))] : []),
  ].join('\n');
}

/** `/help <command>`: its syntax and an example; a mistyped name gets the nearest command. */
function aboutCommand(typed: string, caller: Caller, locale: Locale): Text {
  const name = typed.replace(/^\//, '').toLowerCase();
  const session = SESSION_HELP[name];
  if (session) return session;
  const spec = findCommand(name);
  if (spec) return mayUse(spec, caller) ? details(spec, locale) : notYours(spec, caller);
  const role = caller === 'member' || caller === 'admin' ? caller : undefined;
  const nearest = nearestCommand(name, role);
  return nearest
    ? msg('help-unknown-command-nearest', { command: name, nearest })
    : msg('help-unknown-command', { command: name });
}

/** The way in, said to a stranger who says hello or writes anything outside a step. */
export const STRANGER_GREETING = msg('help-stranger-greeting');

/** The answer to free text no step waits for (private chats only): what the speaker can do next. */
export function freeTextReply(user: UserRow | undefined): Outbound {
  const caller = callerOf(user);
  if (caller === 'stranger') return text(STRANGER_GREETING, everyday(caller, true));
  return text(msg('help-nothing-waiting', { name: user!.name, role: caller }), everyday(caller, true));
}

/** /help's answer: the caller's sections and buttons, or with a command, how to use that one. */
export function helpReply(ctx: CommandContext): CommandOutcome {
  const caller = callerOf(ctx.user);
  const typed = ctx.args.split(/\s+/)[0];
  if (typed) return reply(text(aboutCommand(typed, caller, localeOf(ctx))));
  return reply(text(overview(caller), everyday(caller, ctx.inbound.chat.isPrivate)));
}
