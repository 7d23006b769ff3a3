import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine } from '../support/engine.js';
import { withBothPlatforms } from '../support/platforms.js';
import { TelegramUser } from '../support/telegram-user.js';
import { SlackUser } from '../support/slack-user.js';
import { linkChat, seedUser } from '../support/seed.js';
import { getPersonalContext } from '../../src/domain/context.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const engine = testEngine(store, sessions);
const platforms = withBothPlatforms(engine, pino({ level: 'silent' }));
await seedUser(store, { role: 'admin', name: 'Olivia' });

/** Someone who claimed an account already, linked on `platform` as `externalId`. */
async function member(name: string, externalId: string, platform: 'telegram' | 'slack') {
  const user = await seedUser(store, { name });
  await linkChat(store, user, externalId, platform);
  return user;
}

describe('the interview through the real adapters', () => {
  it('on Telegram: /skip keeps what was answered; the summary takes any field and names the nearest for a typo', async () => {
    const user = await member('Nia', '4101', 'telegram');
    const nia = new TelegramUser(platforms.bot.bot, platforms.telegram, 4101, 'Nia');
    expect(await nia.say('/onboarding')).toMatch(/\(1 of 5\)/);
    expect(await nia.say('Designer')).toMatch(/\(2 of 5\)/);
    expect(await nia.say('/skip')).toMatch(/saving what you told me so far[\s\S]*Saved/);
    expect(await getPersonalContext(store, user.id)).toEqual({ role: 'Designer' });

    await nia.say('/onboarding');
    for (const answer of ['Designer', 'Growth', 'English', 'short', 'the launch']) await nia.say(answer);
    expect(await nia.say('team: Payments')).toMatch(/• team: Payments[\s\S]*\[Save\] \[Edit\] \[Skip\]/);
    expect(await nia.say('foucs: PCI audit')).toMatch(
      /There is no field (&quot;|")foucs(&quot;|"); did you mean focus\?/,
    );
    await nia.choose('save');
    expect(await getPersonalContext(store, user.id)).toMatchObject({ team: 'Payments', focus: 'the launch' });
  });

  it('on Slack: the same, with /gatehouse skip and the summary’s buttons', async () => {
    const user = await member('Oli', 'T1:UOLI', 'slack');
    const oli = new SlackUser(platforms.slack, platforms.slackEventsUrl, 'T1', 'UOLI');
    expect(await oli.command('onboarding')).toMatch(/\(1 of 5\)/);
    await oli.dmText('Engineer');
    expect(await oli.command('skip')).toMatch(/saving what you told me so far[\s\S]*Saved/);
    expect(await getPersonalContext(store, user.id)).toEqual({ role: 'Engineer' });

    await oli.command('onboarding');
    for (const answer of ['Engineer', 'Core', 'English', 'detailed', 'the migration'])
      await oli.dmText(answer);
    expect(await oli.dmText('language: German')).toMatch(/• language: German/);
    expect(await oli.dmText('styel: terse')).toMatch(/did you mean style\?/);
    await oli.choose('save');
    expect(await getPersonalContext(store, user.id)).toMatchObject({ language: 'German', style: 'detailed' });
    const saved = await store.db<{ locale: string | null }[]>`select locale from users where id = ${user.id}`;
    expect(saved[0]?.locale).toBe('de');
  });
});
