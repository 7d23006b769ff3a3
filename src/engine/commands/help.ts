import { translate } from '../../i18n/translate.js';
import type { UserRow } from '../../store/users.js';
import { DEACTIVATED_NOTICE } from '../replies.js';
import { text, type Button, type Outbound } from '../outbound.js';
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
  line: string;
  example?: string;
}

/** A purpose in /help; `strangersOnly` for the ways in, which a signed-in person never needs. */
interface Section {
  title: string;
  strangersOnly?: boolean;
  entries: Entry[];
}

/** /help's sections, in the order it shows them. Each command's full syntax lives in its spec. */
export const HELP_SECTIONS: Section[] = [
  {
    title: 'Getting in',
    strangersOnly: true,
    entries: [
      { name: 'claim', line: '/claim CODE — open the invite an admin sent you', example: '/claim i_AbC…' },
      { name: 'login', line: '/login — link this chat to the account you already have' },
    ],
  },
  {
    title: 'Your account',
    entries: [
      { name: 'profile', line: '/profile — your account at a glance' },
      { name: 'name', line: '/name <new name> — change your name', example: '/name Ada Lovelace' },
      { name: 'password', line: '/password — change your password' },
      {
        name: 'context',
        line: '/context — what the agents know about you',
        example: '/context focus: the PCI audit',
      },
      { name: 'onboarding', line: '/onboarding — redo the interview' },
      { name: 'logout', line: '/logout — unlink this chat' },
    ],
  },
  {
    title: 'Agents',
    entries: [
      { name: 'agents', line: '/agents — the agents you may use' },
      {
        name: 'ask',
        line: '/ask <agent> <text> — talk to an agent',
        example: '/ask Smithers my VPN is down',
      },
      {
        name: 'agent',
        line: '/agent — create agents, decide who may use them',
        example: '/agent access helpdesk Support',
      },
    ],
  },
  {
    title: 'Invites',
    entries: [
      {
        name: 'invite',
        line: '/invite — invite people (step by step, or in one line)',
        example: '/invite bob@example.com member group:Sales expires:14d',
      },
      { name: 'invites', line: '/invites — invites and their uses' },
      {
        name: 'revoke',
        line: '/revoke <invite> — revoke a pending invite',
        example: '/revoke bob@example.com',
      },
      {
        name: 'resend',
        line: '/resend <invite> — a fresh link for an expired one',
        example: '/resend bob@example.com',
      },
    ],
  },
  {
    title: 'People',
    entries: [
      { name: 'users', line: '/users [query] — everyone, with status and last seen', example: '/users bob' },
      { name: 'user', line: "/user <user> — one person's panel", example: '/user @bob' },
      { name: 'role', line: '/role <user> admin|member — change a role', example: '/role @bob admin' },
      { name: 'deactivate', line: '/deactivate <user> — lock someone out', example: '/deactivate @bob' },
      { name: 'reactivate', line: '/reactivate <user> — let them back in', example: '/reactivate @bob' },
      {
        name: 'resetpassword',
        line: '/resetpassword <user> — a password reset link',
        example: '/resetpassword bob@example.com',
      },
      { name: 'groups', line: '/groups — groups and their sizes' },
      { name: 'group', line: '/group — create, delete, fill groups', example: '/group add Sales @bob' },
      { name: 'audit', line: '/audit — the audit trail', example: '/audit @bob limit:20' },
      {
        name: 'delete',
        line: "/delete <user> — erase someone's account",
        example: '/delete bob@example.com',
      },
    ],
  },
  {
    title: 'Leaving',
    entries: [
      { name: 'export', line: '/export — your data, as a file' },
      { name: 'deleteme', line: '/deleteme — erase your own account for good' },
    ],
  },
];

/** The commands about the conversation itself, which /help <command> explains too. */
const SESSION_HELP: Record<string, string> = {
  cancel: '/cancel\nLeave the step you are in; nothing is changed.',
  skip: '/skip\nSkip the question that offers it (the interview, an optional email).',
};

/** Whether `caller` may run `spec` at all (where a chat kind allows), as the router's guards decide. */
function mayUse(spec: CommandSpec, caller: Caller): boolean {
  if (caller === 'deactivated') return spec.allowDeactivated === true;
  if (spec.audience === 'anyone') return true;
  return caller === 'admin' || (caller === 'member' && spec.audience === 'member');
}

const HEADINGS: Record<Caller, string> = {
  stranger: 'To get started, open the invite link an admin sent you. Or:',
  member: 'What you can do:',
  admin: 'What you can do (admin):',
  deactivated: 'Your account is deactivated. What you can still do:',
};

/** The everyday actions for a caller, as buttons under /help and the free-text reply. */
const EVERYDAY: Record<Caller, Button[][]> = {
  stranger: [
    [
      { label: 'Log in', action: '/login' },
      { label: 'How to join', action: '/help claim' },
    ],
  ],
  member: [
    [
      { label: 'Agents', action: '/agents' },
      { label: 'My profile', action: '/profile' },
    ],
  ],
  admin: [
    [
      { label: 'Invite someone', action: '/invite' },
      { label: 'People', action: '/users' },
    ],
    [
      { label: 'Agents', action: '/agents' },
      { label: 'My profile', action: '/profile' },
    ],
  ],
  deactivated: [
    [
      { label: 'Export my data', action: '/export' },
      { label: 'Delete my account', action: '/deleteme' },
    ],
  ],
};

/** Buttons only in a private chat: in a group everyone would see (and could tap) the caller's. */
function everyday(caller: Caller, inPrivateChat: boolean): { buttons?: Button[][] } {
  return inPrivateChat ? { buttons: EVERYDAY[caller] } : {};
}

function overview(caller: Caller): string {
  const sections = HELP_SECTIONS.filter((s) => !s.strangersOnly || caller === 'stranger')
    .map((s) => ({
      title: s.title,
      lines: s.entries.filter((e) => mayUse(findCommand(e.name)!, caller)).map((e) => e.line),
    }))
    .filter((s) => s.lines.length > 0)
    .map((s) => [s.title, ...s.lines].join('\n'));
  const example = caller === 'stranger' ? 'login' : caller === 'deactivated' ? 'deleteme' : 'ask';
  return [
    HEADINGS[caller],
    ...sections,
    `/cancel leaves the step you are in. For a command's full syntax and an example: /help ${example}`,
  ].join('\n\n');
}

function entryOf(name: string): Entry | undefined {
  return HELP_SECTIONS.flatMap((s) => s.entries).find((e) => e.name === name);
}

/** Why a known command is not the caller's to use. */
function notYours(spec: CommandSpec, caller: Caller): string {
  if (caller === 'deactivated') return DEACTIVATED_NOTICE;
  if (caller === 'stranger')
    return `/${spec.name} is for people with an account here. Open your invite link, or use /login if you have an account.`;
  return `/${spec.name} is for admins.`;
}

function details(spec: CommandSpec): string {
  const words = translate('en', spec.summary);
  const summary = words.charAt(0).toUpperCase() + words.slice(1) + '.';
  const example = entryOf(spec.name)?.example;
  return [
    translate('en', spec.usage)
      .split(' · ')
      .map((usage) => `/${usage}`)
      .join('\n'),
    summary,
    ...(example ? [`Example: ${example}`] : []),
    ...(spec.privateOnly ? ['Works in a private chat with me.'] : []),
  ].join('\n');
}

/** `/help <command>`: its syntax and an example; a mistyped name gets the nearest command. */
function aboutCommand(typed: string, caller: Caller): string {
  const name = typed.replace(/^\//, '').toLowerCase();
  const session = SESSION_HELP[name];
  if (session) return session;
  const spec = findCommand(name);
  if (spec) return mayUse(spec, caller) ? details(spec) : notYours(spec, caller);
  const role = caller === 'member' || caller === 'admin' ? caller : undefined;
  const nearest = nearestCommand(name, role);
  return nearest
    ? `I don't know /${name}. Did you mean /${nearest}? Send /help ${nearest} for how to use it.`
    : `I don't know /${name}. Send /help to see what you can do.`;
}

/** The way in, said to a stranger who says hello or writes anything outside a step. */
export const STRANGER_GREETING =
  'Hello! I am Gatehouse, the way into this team.\n\n' +
  'If an admin gave you an invite link, open it again (or send me its code). ' +
  'If you already have an account, send /login to link this chat to it.';

/** The answer to free text no step waits for (private chats only): what the speaker can do next. */
export function freeTextReply(user: UserRow | undefined): Outbound {
  const caller = callerOf(user);
  if (caller === 'stranger') return text(STRANGER_GREETING, everyday(caller, true));
  const invite = caller === 'admin' ? ', invite someone with /invite' : '';
  return text(
    `Nothing is waiting for an answer from you, ${user!.name}. You could ask an agent with ` +
      `/ask <agent> <text> (/agents lists yours)${invite}, or send /help for everything you can do.`,
    everyday(caller, true),
  );
}

/** /help's answer: the caller's sections and buttons, or with a command, how to use that one. */
export function helpReply(ctx: CommandContext): CommandOutcome {
  const caller = callerOf(ctx.user);
  const typed = ctx.args.split(/\s+/)[0];
  if (typed) return reply(text(aboutCommand(typed, caller)));
  return reply(text(overview(caller), everyday(caller, ctx.inbound.chat.isPrivate)));
}
