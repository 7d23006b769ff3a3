import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { seedUser } from '../support/seed.js';
import { printSetupInviteIfNeeded, type ConfiguredPlatforms } from '../../src/setup-invite.js';
import { createAdminInvite, resolveInviteToken } from '../../src/domain/invites.js';
import { hashToken, parsePayload } from '../../src/domain/tokens.js';
import type { Store } from '../../src/store/store.js';

/** The first admin's invite as the operator reads it when Gatehouse starts on an empty record. */

interface Start {
  banner: string;
  release: (() => Promise<void>) | undefined;
}

/** One process's start: what it printed, and its hold on the printer's lock. */
async function start(store: Store, platforms: ConfiguredPlatforms = { console: true }): Promise<Start> {
  const out = new PassThrough();
  let banner = '';
  out.on('data', (chunk: Buffer) => (banner += chunk.toString()));
  const release = await printSetupInviteIfNeeded(store, platforms, out, 'en');
  return { banner, release };
}

function printedPayload(banner: string): string | undefined {
  return banner.match(/\b(i_[A-Za-z0-9_-]{43})\b/)?.[1];
}

async function opens(store: Store, payload: string): Promise<boolean> {
  const parsed = parsePayload(payload);
  if (!parsed) return false;
  return (await resolveInviteToken(store, hashToken(parsed.token))).kind === 'invite';
}

async function openSetupInvites(store: Store): Promise<number> {
  const [row] = await store.db<{ n: number }[]>`
    select count(*)::int as n from invites
    where created_by is null and revoked_at is null and uses < max_uses and expires_at > now()`;
  return row!.n;
}

describe('the first-start banner', () => {
  it('of eight processes starting together, one prints the invite, which is the only valid one; the others say where it went', async () => {
    const { store } = await createTestDatabase({ max: 12 });
    const starts = await Promise.all(Array.from({ length: 8 }, () => start(store)));

    const printers = starts.filter((s) => printedPayload(s.banner));
    expect(printers).toHaveLength(1);
    expect(await opens(store, printedPayload(printers[0]!.banner)!)).toBe(true);
    expect(await openSetupInvites(store)).toBe(1);
    for (const other of starts.filter((s) => !printedPayload(s.banner))) {
      expect(other.banner).toMatch(/Another Gatehouse process sharing this database printed the first/);
      expect(other.banner).toMatch(/npm run admin-invite/);
      expect(other.release).toBeUndefined();
    }
    await printers[0]!.release!();
  });

  it('prints a new invite once the process that printed the last one is gone, and only the new one opens', async () => {
    const { store } = await createTestDatabase();
    const first = await start(store);
    const old = printedPayload(first.banner)!;
    expect((await start(store)).banner).toMatch(/Another Gatehouse process/);
    await first.release!();

    const next = await start(store);
    const fresh = printedPayload(next.banner)!;
    expect(fresh).not.toBe(old);
    expect(await opens(store, fresh)).toBe(true);
    expect(await opens(store, old)).toBe(false);
    await next.release!();
  });

  it('leaves an invite from npm run admin-invite open: the operator may have sent it already', async () => {
    const { store } = await createTestDatabase();
    const { payload: handedOut } = await createAdminInvite(store);
    const first = await start(store);
    await first.release!();
    const next = await start(store);
    await next.release!();

    expect(await opens(store, handedOut)).toBe(true);
    expect(await opens(store, printedPayload(first.banner)!)).toBe(false);
    expect(await opens(store, printedPayload(next.banner)!)).toBe(true);
  });

  it('says what to do on each platform this process serves', async () => {
    const both = await start((await createTestDatabase()).store, {
      telegram: { username: 'gatehouse_bot' },
      slack: true,
    });
    const payload = both.banner.match(/start=(i_[A-Za-z0-9_-]+)/)![1]!;
    expect(both.banner).toContain(`Telegram: open https://t.me/gatehouse_bot?start=${payload}`);
    expect(both.banner).toContain(
      `Slack: send ${payload} to the bot in a DM, or type /gatehouse claim ${payload} there`,
    );
    expect(both.banner).not.toMatch(/terminal/);
    await both.release!();

    const terminal = await start((await createTestDatabase()).store, { console: true });
    expect(terminal.banner).toMatch(/In the terminal chat: type \/start i_[A-Za-z0-9_-]{43}\n/);
    expect(terminal.banner).not.toMatch(/Telegram|Slack/);
    await terminal.release!();
  });

  it('prints nothing once an account exists', async () => {
    const { store } = await createTestDatabase();
    await seedUser(store, { role: 'admin' });
    expect(await start(store)).toEqual({ banner: '', release: undefined });
  });
});
