import { describe, expect, it } from 'vitest';
import { UserLocales } from '../../../src/adapters/slack/user-locales.js';

describe('UserLocales', () => {
  it('asks once per user within ten minutes, then again', async () => {
    const asked: string[] = [];
    let now = 0;
    const locales = new UserLocales(
      async (user) => (asked.push(user), user === 'U1' ? 'de-DE' : undefined),
      () => now,
    );
    expect(await locales.of('U1')).toBe('de-DE');
    expect(await locales.of('U2')).toBeUndefined();
    now = 9 * 60_000;
    expect(await locales.of('U1')).toBe('de-DE');
    expect(asked).toEqual(['U1', 'U2']);
    now = 10 * 60_000 + 1;
    await locales.of('U1');
    expect(asked).toEqual(['U1', 'U2', 'U1']);
  });

  it('gives no language when Slack fails, and asks again after a minute', async () => {
    let now = 0;
    let calls = 0;
    const locales = new UserLocales(
      async () => {
        calls += 1;
        throw new Error('slack is down');
      },
      () => now,
    );
    expect(await locales.of('U1')).toBeUndefined();
    expect(await locales.of('U1')).toBeUndefined();
    expect(calls).toBe(1);
    now = 60_001;
    await locales.of('U1');
    expect(calls).toBe(2);
  });

  it('keeps at most ten thousand users, forgetting the oldest', async () => {
    const asked: string[] = [];
    const locales = new UserLocales(async (user) => (asked.push(user), 'es'));
    for (let i = 0; i <= 10_000; i++) await locales.of(`U${i}`);
    await locales.of('U10000');
    await locales.of('U0');
    expect(asked.slice(-1)).toEqual(['U0']);
    expect(asked).toHaveLength(10_002);
  });
});
