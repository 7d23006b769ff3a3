import { describe, expect, it } from 'vitest';
import { screenFormSecret } from '../../../src/engine/secrets.js';
import { translate } from '../../../src/i18n/translate.js';

const GOOD = 'violet-Harbor-Lantern-42';

describe('screenFormSecret', () => {
  it('refuses a new password the policy refuses, on its own field', () => {
    expect(screenFormSecret('claim', 'password1234', 'password1234')).toMatchObject({ field: 'password' });
    expect(screenFormSecret('new-password', 'short1', 'short1')).toMatchObject({ field: 'password' });
  });

  it('refuses a repetition that differs, on the second field', () => {
    const refused = screenFormSecret('reset', GOOD, `${GOOD}x`);
    expect(refused?.field).toBe('again');
    expect(refused && translate('en', refused.refusal)).toBe(
      'The two passwords differ. Type the same new password in both fields.',
    );
  });

  it('lets a good new password through, and any password that is not a new one', () => {
    expect(screenFormSecret('claim', GOOD, GOOD)).toBeUndefined();
    expect(screenFormSecret('login', 'x', undefined)).toBeUndefined();
    expect(screenFormSecret('current-password', 'x', undefined)).toBeUndefined();
  });
});
