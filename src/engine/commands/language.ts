import { chooseLanguage } from '../../domain/language.js';
import { localeNamed, SUPPORTED_LOCALES, supportedLocale, type Locale } from '../../i18n/locales.js';
import { joined, msg, type Message } from '../../i18n/message.js';
import { UsageError } from '../args.js';
import { text, type Button } from '../outbound.js';
import type { CommandOutcome, CommandSpec, SignedInContext } from './types.js';

/** Each language by its own name, whoever reads it: a person looks for the one they speak. */
const OWN_NAMES: Record<Locale, Message> = {
  en: msg('engine-language-own-name-en'),
  de: msg('engine-language-own-name-de'),
  es: msg('engine-language-own-name-es'),
};

/** What `/language auto` and its button say: no choice of the person's, their platform's language decides. */
const FOLLOW_PLATFORM = 'auto';

/** Why a reply is in its language: the person chose it, their platform speaks it, or nothing else decided. */
type Reason = 'chosen' | 'platform' | 'default';

function reasonFor(ctx: SignedInContext): Reason {
  if (supportedLocale(ctx.user.locale)) return 'chosen';
  return supportedLocale(ctx.inbound.sender.languageCode) ? 'platform' : 'default';
}

/**
 * The language in use and why. The reply is worded in that very language (`localeOf` for the same
 * account and update), so each locale's message names its own.
 */
function current(ctx: SignedInContext): Message {
  return msg('engine-language-current', { reason: reasonFor(ctx) });
}

/** One button per language we speak, and one to let the platform decide. */
function choices(): Button[][] {
  // i18n-exempt: the command a button sends
  const action = (choice: string) => `/language ${choice}`;
  return [
    SUPPORTED_LOCALES.map((locale) => ({ label: OWN_NAMES[locale], action: action(locale) })),
    [{ label: msg('engine-language-follow-platform'), action: action(FOLLOW_PLATFORM) }],
  ];
}

/**
 * `/language`: the language in use, and buttons to change it. `/language <code or name>` saves that
 * choice, `/language auto` clears it; the answer is in the language now in use, for the account
 * as the command left it.
 */
async function language(ctx: SignedInContext): Promise<CommandOutcome> {
  if (!ctx.args)
    return {
      replies: [text(joined([current(ctx), msg('engine-language-choose')], 'line'), { buttons: choices() })],
    };
  const chosen = ctx.args.toLowerCase() === FOLLOW_PLATFORM ? null : localeNamed(ctx.args);
  if (chosen === undefined) throw new UsageError(unknownLanguage(ctx.args));
  await chooseLanguage(ctx.deps.store, ctx.user.id, chosen);
  const user = { ...ctx.user, locale: chosen };
  const after = { ...ctx, user };
  const done = chosen ? msg('engine-language-saved') : msg('engine-language-cleared');
  return { replies: [text(joined([done, current(after)], 'line'))], user };
}

function unknownLanguage(asked: string): Message {
  const known = SUPPORTED_LOCALES.map((l) =>
    msg('engine-language-with-code', { name: OWN_NAMES[l], code: l }),
  );
  return msg('engine-language-unknown', { asked: asked.slice(0, 40), known: joined(known, 'comma') });
}

export const languageCommands: CommandSpec[] = [
  {
    name: 'language',
    audience: 'member',
    stateless: true,
    usage: msg('help-usage-language'),
    summary: msg('help-summary-language'),
    run: language,
  },
];
