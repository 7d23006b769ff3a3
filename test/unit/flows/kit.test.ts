import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH } from '../../../src/domain/limits.js';
import { CANCEL_CHOICE, chose, isCancel, PASSWORD_RULES, reportFailure } from '../../../flows/kit.js';
import { joined, msg } from '../../../src/i18n/message.js';
import { english } from '../../support/flow-steps.js';

describe('flow kit', () => {
  it('reports an effect error for the engine to word', () => {
    const error = new Error('no');
    const event = { type: 'xstate.error.actor.0.flow.saving', error };
    expect(reportFailure({ event })).toEqual({
      type: 'failed',
      error,
    });
  });

  it('tells a tapped choice from other events', () => {
    expect(chose({ event: { type: 'choose', value: 'yes' } }, 'yes')).toBe(true);
    expect(chose({ event: { type: 'choose', value: 'no' } }, 'yes')).toBe(false);
    expect(chose({ event: { type: 'text', text: 'yes' } }, 'yes')).toBe(false);
    expect(isCancel({ event: { type: 'choose', value: CANCEL_CHOICE.value } })).toBe(true);
  });

  it('words the password policy from its own minimum length', () => {
    expect(english(PASSWORD_RULES)).toContain(`at least ${PASSWORD_MIN_LENGTH} characters`);
  });

  it('reads several messages as one, laid out in lines, paragraphs, sentences or clauses', () => {
    const [a, b, c] = [msg('kit-cancel'), msg('delete-group-delete'), msg('claim-skip')];
    expect(english(joined([a, b, c], 'line'))).toBe('Cancel\nDelete\nSkip');
    expect(english(joined([a, b], 'paragraph'))).toBe('Cancel\n\nDelete');
    expect(english(joined([a, b], 'sentence'))).toBe('Cancel Delete');
    expect(english(joined([a, b], 'clause'))).toBe('Cancel; Delete');
    expect(joined([a], 'line')).toBe(a);
  });
});
