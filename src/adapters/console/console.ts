import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../../engine/engine.js';
import type { Capabilities, Inbound } from '../../engine/inbound.js';
import type { Button, LocalizedOutbound } from '../../engine/outbound.js';
import { withCodeInstructions } from '../codes.js';

export const CONSOLE_CAPABILITIES: Capabilities = {
  canDeleteMessages: false,
  hasSecretForms: true,
};

/** How a person opens a code (an invite, a reset link) in the terminal chat. */
export function openCodeInConsole(code: string): string {
  return `type /start ${code}`;
}

interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where files the bot sends (exports) are written. */
  filesDir: string;
  persona?: string;
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
  const say = (line: string) => options.output.write(`${line}\n`);
  const prompt = () => {
    rl.setPrompt(secretPending ? `${persona} (password, hidden)> ` : `${persona}> `);
    rl.prompt();
    muted = secretPending;
  };

  say('Gatehouse console. Type /help; /as <name> switches who you are; /quit leaves.');
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
      say(`You are now ${persona}.`);
      prompt();
      continue;
    }
    const inbound = toInbound(persona, line, buttons, secretPending);
    if (inbound) {
      secretPending = false;
      const replies = await engine.handle(inbound);
      buttons = [];
      for (const reply of replies) {
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
  switch (reply.type) {
    case 'text': {
      const flat = reply.buttons?.flat() ?? [];
      // The console chat runs only where no bot serves Telegram or Slack: a code is sent to it as is.
      const choices = flat.map((b, i) => `  [${numbered + i + 1}] ${b.label}`).join('\n');
      return {
        lines: `bot: ${withCodeInstructions(reply.text, undefined)}${choices ? `\n${choices}` : ''}`,
        buttons: flat,
      };
    }
    case 'secretPrompt':
      return { lines: `bot: ${reply.text}\n     (type it below; it is not shown)`, buttons: [] };
    case 'file': {
      await mkdir(filesDir, { recursive: true });
      const file = path.join(filesDir, path.basename(reply.name));
      await writeFile(file, reply.content, { mode: 0o600 });
      return { lines: `bot: ${reply.caption}\n     (file saved to ${file})`, buttons: [] };
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
