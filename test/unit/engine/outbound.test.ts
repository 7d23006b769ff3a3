import { describe, expect, it } from 'vitest';
import {
  codeMark,
  keptReply,
  localize,
  renderCodes,
  text,
  withCommandPrefix,
} from '../../../src/engine/outbound.js';
import { msg } from '../../../src/i18n/message.js';

describe('withCommandPrefix', () => {
  it('writes each command mention with the prefix, and leaves paths in links alone', () => {
    expect(withCommandPrefix('Use /invite or (/help). See https://example.com/docs/a', '/gatehouse ')).toBe(
      'Use /gatehouse invite or (/gatehouse help). See https://example.com/docs/a',
    );
  });

  it('changes nothing where commands read /name', () => {
    expect(withCommandPrefix('/start, then /users', '/')).toBe('/start, then /users');
  });
});

describe('code marks', () => {
  it('are written out by the renderer an adapter gives, wherever a reply holds them', () => {
    const body = ['Invite 1234abcd:', codeMark('i_abc-DEF_1'), 'Send it privately.'].join('\n');
    expect(renderCodes(body, (code) => `<${code}>`)).toBe(
      'Invite 1234abcd:\n<i_abc-DEF_1>\nSend it privately.',
    );
  });

  it('leave text without a mark as it is', () => {
    expect(renderCodes('code: i_abc', () => 'never')).toBe('code: i_abc');
  });
});

describe('a kept reply', () => {
  const buttons = [[{ label: msg('kit-cancel'), action: '/cancel' }]];

  it('is worded once per language, and each language in its own words', () => {
    const kept = keptReply(text(msg('agents-none-usable'), { buttons }));
    const english = localize(kept, 'en');
    expect(localize(kept, 'en')).toBe(english);
    expect(english.type === 'text' && english.buttons?.[0]?.[0]?.label).toBe('Cancel');
    const german = localize(kept, 'de');
    expect(german).not.toEqual(english);
    expect(german).toEqual(localize(text(msg('agents-none-usable'), { buttons }), 'de'));
  });

  it('never changes, its buttons neither', () => {
    const kept = keptReply(text('Hello', { buttons: [[{ label: 'Go', action: '/go' }]] }));
    expect(Object.isFrozen(kept)).toBe(true);
    expect(kept.type === 'text' && Object.isFrozen(kept.buttons![0]![0])).toBe(true);
  });

  it('is not confused with a reply that is not kept: that one is worded each time', () => {
    const reply = text(msg('agents-none-usable'));
    expect(localize(reply, 'en')).not.toBe(localize(reply, 'en'));
  });
});
