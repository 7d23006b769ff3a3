import type { Inbound } from './inbound.js';

/**
 * The update without NUL characters, which no one types on purpose and Postgres refuses in text, so a
 * lookup with one would fail instead of finding nothing. Secrets are kept as sent.
 */
export function withoutNul(inbound: Inbound): Inbound {
  if (!hasNul(inbound)) return inbound;
  const clean = (text: string) => text.replaceAll('\u0000', '');
  return {
    ...inbound,
    sender: {
      ...inbound.sender,
      displayName: clean(inbound.sender.displayName),
      username: inbound.sender.username === null ? null : clean(inbound.sender.username),
    },
    ...(inbound.command
      ? { command: { name: clean(inbound.command.name), args: clean(inbound.command.args) } }
      : {}),
    ...(inbound.text !== undefined ? { text: clean(inbound.text) } : {}),
    ...(inbound.action !== undefined ? { action: clean(inbound.action) } : {}),
  };
}

function hasNul(inbound: Inbound): boolean {
  const { sender, command, text, action } = inbound;
  return [sender.displayName, sender.username, command?.name, command?.args, text, action].some(
    (field) => field?.includes('\u0000') === true,
  );
}
