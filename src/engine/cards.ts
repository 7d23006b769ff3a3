import { joined, msg, type Text } from '../i18n/message.js';
import type { Outbound } from './outbound.js';

type TextReply = Extract<Outbound, { type: 'text' }>;

/** A reply the chat shows where the tap happened, not one sent to the person's private chat. */
function isShownHere(reply: Outbound): reply is TextReply {
  return reply.type === 'text' && reply.privately !== true;
}

/** "✓ Bob is now an admin. (by Olivia)": what a tap did (✗ where it was refused) and who tapped, under the card. */
function footerOf(statuses: TextReply[], by: string | undefined): Text {
  const done = joined(
    statuses.map((s) => msg(s.refusal ? 'card-refused' : 'card-done', { what: s.text })),
    'sentence',
  );
  return by === undefined ? done : msg('card-footer-by', { done, by });
}

/**
 * A tap's replies (those from `from` on) as one card edited in place. The card it shows next (its last
 * reply here with buttons) replaces the tapped one, with what the tap did above it said in its footer;
 * a tap that ended its flow leaves the tapped card without buttons, that footer under it. Replies for
 * the private chat and what a step asks after the card are sent as they are.
 */
export function intoTappedCard(
  replies: Outbound[],
  from: number,
  options: { by: string | undefined; flowEnded: boolean },
): void {
  const tapped = replies.slice(from);
  let cardAt = tapped.length - 1;
  while (cardAt >= 0 && !(isShownHere(tapped[cardAt]!) && (tapped[cardAt] as TextReply).buttons)) cardAt -= 1;
  const before = cardAt < 0 ? tapped : tapped.slice(0, cardAt);
  const statuses = before.filter(isShownHere);
  const rest = tapped.filter((r) => !statuses.includes(r as TextReply));
  if (cardAt >= 0) {
    const card = tapped[cardAt] as TextReply;
    const replaced: TextReply = {
      ...card,
      text:
        statuses.length > 0
          ? msg('card-with-footer', { card: card.text, footer: footerOf(statuses, options.by) })
          : card.text,
      replacesTapped: true,
    };
    replies.splice(from, tapped.length, ...rest.map((r) => (r === card ? replaced : r)));
    return;
  }
  if (options.flowEnded) {
    const close: Outbound = {
      type: 'closeCard',
      ...(statuses.length > 0
        ? {
            footer: footerOf(statuses, options.by),
            fallback: joined(
              statuses.map((s) => s.text),
              'line',
            ),
          }
        : {}),
    };
    replies.splice(from, tapped.length, close, ...rest);
    return;
  }
  // The flow waits for words, not a button: its question takes the card's place (a copy: a reply
  // may be one kept between updates).
  const at = tapped.findIndex(isShownHere);
  if (at >= 0) replies[from + at] = { ...(tapped[at] as TextReply), replacesTapped: true };
  else replies.splice(from, 0, { type: 'closeCard' });
}

/** A button of a card nobody can use any more: its buttons go, and only where they cannot, `note` is said. */
export function staleCard(note: Text): Outbound {
  return { type: 'closeCard', fallback: note };
}
