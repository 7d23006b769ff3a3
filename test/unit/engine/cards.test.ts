import { describe, expect, it } from 'vitest';
import { intoTappedCard, staleCard } from '../../../src/engine/cards.js';
import { keptReply, localize, text, type Outbound } from '../../../src/engine/outbound.js';

const words = (replies: Outbound[]) => replies.map((r) => localize(r, 'en'));
const BUTTONS = [[{ label: 'Done', action: 'run.done' }]];

describe('a tap’s replies as one card', () => {
  it('replace the tapped card with the next one, what was done in its footer', () => {
    const replies = [
      text('Before the tap.'),
      text('Bob is now an admin.'),
      text('Refused.', { refusal: true }),
      text('The link', { privately: true }),
      text('Panel', { buttons: BUTTONS }),
    ];
    intoTappedCard(replies, 1, { by: 'Olivia', flowEnded: false });
    expect(words(replies)).toEqual([
      { type: 'text', text: 'Before the tap.', locale: 'en' },
      { type: 'text', text: 'The link', privately: true, locale: 'en' },
      {
        type: 'text',
        text: 'Panel\n\n✓ Bob is now an admin. ✗ Refused. (by Olivia)',
        buttons: [[{ label: 'Done', action: 'run.done' }]],
        replacesTapped: true,
        locale: 'en',
      },
    ]);
  });

  it('close the tapped card with a footer when the flow ended', () => {
    const replies = [text('Done.')];
    intoTappedCard(replies, 0, { by: 'Olivia', flowEnded: true });
    expect(words(replies)).toEqual([
      { type: 'closeCard', footer: '✓ Done. (by Olivia)', fallback: 'Done.', locale: 'en' },
    ]);
  });

  it('let a question without buttons take the card’s place while the flow waits', () => {
    const replies = [text('Send the names.')];
    intoTappedCard(replies, 0, { by: 'Olivia', flowEnded: false });
    expect(replies).toEqual([{ type: 'text', text: 'Send the names.', replacesTapped: true }]);
  });

  it('let a kept question take the card’s place as a copy, the kept reply unchanged', () => {
    const kept = keptReply(text('Send the names.'));
    const replies = [kept];
    intoTappedCard(replies, 0, { by: 'Olivia', flowEnded: false });
    expect(replies).toEqual([{ type: 'text', text: 'Send the names.', replacesTapped: true }]);
    expect(kept).toEqual({ type: 'text', text: 'Send the names.' });
  });

  it('take the buttons away when the tap showed nothing there', () => {
    const replies: Outbound[] = [
      { type: 'secretPrompt', text: 'Password?', purpose: 'login', action: 'x', nonce: 'n' },
    ];
    intoTappedCard(replies, 0, { by: undefined, flowEnded: false });
    expect(replies[0]).toEqual({ type: 'closeCard' });
  });

  it('say a stale button’s note only where the card cannot change', () => {
    expect(words([staleCard('Expired.')])).toEqual([
      { type: 'closeCard', fallback: 'Expired.', locale: 'en' },
    ]);
  });
});
