import { describe, expect, it } from 'vitest';
import { codeMark, renderCodes, withCommandPrefix } from '../../../src/engine/outbound.js';

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
