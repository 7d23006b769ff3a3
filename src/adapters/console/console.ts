import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../../engine/engine.js';
import type { Capabilities, Inbound } from '../../engine/inbound.js';
import type { Button, LocalizedOutbound } from '../../engine/outbound.js';
import type { Locale } from '../../i18n/locales.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { withCodeInstructions } from '../codes.js';

export const CONSOLE_CAPABILITIES: Capabilities = {
  canDeleteMessages: false,
  hasSecretForms: true,
};

/** How a person opens a code (an invite, a reset link) in the terminal chat. */
export function openCodeInConsole(code: string, locale: Locale): string {
  return translate(locale, msg('console-open-code', { code }));
}

interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where files the bot sends (exports) are written. */
  filesDir: string;
  persona?: string;
  /** The deployment's DEFAULT_LOCALE (English unless set): the console's own words before any reply. */
  locale?: Locale;
}

/**
 * A chat in the terminal, for trying Gatehouse without a platform: each line is a message from the
 * current persona (`/as <name>` switches), numbers tap the buttons last shown, and passwords are
 * typed without echo.
 */
export async function runConsole(engine: Engine, options: ConsoleOptions): Promise<void> {
  let muted = false;
  const echo = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) options.output.write(chunk);
      done();
    },
  });
  const rl = createInterface({
    input: options.input,
    output: echo,
    terminal: Boolean((options.input as NodeJS.ReadStream).isTTY),
  });
  let persona = options.persona ?? 'operator';
  let buttons: Button<string>[] = [];
  let secretPending = false;
  // The console's own words follow the language the engine last replied in.
  let locale = options.locale ?? 'en';
  const say = (line: string) => options.output.write(`${line}\n`);
  const prompt = () => {
    const who = secretPending ? translate(locale, msg('console-secret-prompt', { name: persona })) : persona;
    rl.setPrompt(`${who}> `);
    rl.prompt();
    muted = secretPending;
  };

  say(translate(locale, msg('console-welcome')));
  prompt();
  for await (const raw of rl) {
    muted = false;
    if (secretPending) options.output.write('\n');
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    const as = line.match(/^\/as\s+(\S{1,40})$/);
    if (as) {
      persona = as[1]!;
      buttons = [];
      secretPending = false;
      say(translate(locale, msg('console-you-are', { name: persona })));
      prompt();
      continue;
    }
    const inbound = toInbound(persona, line, buttons, secretPending);
    if (inbound) {
      secretPending = false;
      const replies = await engine.handle(inbound);
      buttons = [];
      for (const reply of replies) {
        locale = reply.locale;
        const shown = await render(reply, buttons.length, options.filesDir);
        if (shown.lines) say(shown.lines);
        buttons.push(...shown.buttons);
        if (reply.type === 'secretPrompt') secretPending = true;
      }
    }
    prompt();
  }
  rl.close();
}

function toInbound(
  persona: string,
  line: string,
  buttons: Button<string>[],
  secretPending: boolean,
): Inbound | undefined {
  if (line === '' && !secretPending) return undefined;
  const base = {
    platform: 'console' as const,
    sender: { externalId: persona.toLowerCase(), username: persona, displayName: persona },
    chat: { id: persona.toLowerCase(), isPrivate: true },
  };
  if (secretPending && !line.startsWith('/')) return { ...base, secret: { value: line } };
  const tapped = /^\d{1,2}$/.test(line) ? buttons[Number(line) - 1] : undefined;
  if (tapped) return { ...base, action: tapped.action };
  const command = line.match(/^\/(\w+)(?:@\S+)?\s*([\s\S]*)$/);
  if (command) return { ...base, command: { name: command[1]!.toLowerCase(), args: command[2]!.trim() } };
  return { ...base, text: line };
}

async function render(
  reply: LocalizedOutbound,
  numbered: number,
  filesDir: string,
): Promise<{ lines: string; buttons: Button<string>[] }> {
  const { locale } = reply;
  const bot = (text: string) => translate(locale, msg('console-bot-says', { text }));
  /** A note under the bot's words, indented to its text. */
  const note = (text: string) => `\n     ${text}`;
  switch (reply.type) {
    case 'text': {
      const flat = reply.buttons?.flat() ?? [];
      // The console chat runs only where no bot serves Telegram or Slack: a code is sent to it as is.
      const choices = flat.map((b, i) => `  [${numbered + i + 1}] ${b.label}`).join('\n');
      return {
        lines: `${bot(withCodeInstructions(reply.text, undefined, locale))}${choices ? `\n${choices}` : ''}`,
        buttons: flat,
      };
    }
    case 'secretPrompt':
      return { lines: bot(reply.text) + note(translate(locale, msg('console-secret-hint'))), buttons: [] };
    case 'file': {
      await mkdir(filesDir, { recursive: true });
      const file = path.join(filesDir, path.basename(reply.name));
      await writeFile(file, reply.content, { mode: 0o600 });
      return {
        lines: bot(reply.caption) + note(translate(locale, msg('console-file-saved', { file }))),
        buttons: [],
      };
    }
    case 'deleteMessage':
      return { lines: '', buttons: [] };
    case 'closeCard':
      // A console line cannot change once printed: what the card's footer says is said instead.
      return reply.fallback === undefined
        ? { lines: '', buttons: [] }
        : render({ type: 'text', text: reply.fallback, locale: reply.locale }, numbered, filesDir);
  }
}
