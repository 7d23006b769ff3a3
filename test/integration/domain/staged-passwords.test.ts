import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { GOOD_PASSWORD, seedUser } from '../../support/seed.js';
import { hashPassword, verifyPassword } from '../../../src/domain/passwords.js';
import {
  confirmStagedPassword,
  prepareNewPassword,
  stagePassword,
} from '../../../src/domain/staged-passwords.js';
import { StagedPasswordGoneError, ValidationError, WeakPasswordError } from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase();
const NEW_PASSWORD = 'copper-Meadow-Window-77';

/** The record's row of a staged id: the part before the key. */
const rowIdOf = (stagedId: string) => stagedId.split('.')[0]!;

async function stagedRow(stagedId: string) {
  const [row] = await sql<{ digest: Buffer | null; passwordHash: string | null }[]>`
    select digest, password_hash from staged_passwords where id = ${rowIdOf(stagedId)}`;
  return row;
}

describe('staged passwords', () => {
  it('keeps only a keyed digest until confirmed, then an argon2id hash, used once', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    const staged = await stagedRow(stagedId);
    expect(staged!.digest).toHaveLength(32);
    expect(staged!.passwordHash).toBeNull();

    expect(await confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })).toBe(true);
    const confirmed = await stagedRow(stagedId);
    expect(confirmed!.digest).toBeNull();
    expect(confirmed!.passwordHash).toMatch(/^\$argon2id\$/);

    const take = await prepareNewPassword({ stagedId });
    expect(await verifyPassword(await take(store), NEW_PASSWORD)).toBe(true);
    await expect(take(store)).rejects.toBeInstanceOf(StagedPasswordGoneError);
  });

  it('discards the staged password when the second one differs', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    expect(await confirmStagedPassword(store, { stagedId, password: `${NEW_PASSWORD}x` })).toBe(false);
    expect(await stagedRow(stagedId)).toBeUndefined();
    await expect(confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })).rejects.toBeInstanceOf(
      StagedPasswordGoneError,
    );
  });

  it('does not confirm the right password with another key, and discards it', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    const forged = `${rowIdOf(stagedId)}.${randomBytes(32).toString('base64url')}`;
    expect(await confirmStagedPassword(store, { stagedId: forged, password: NEW_PASSWORD })).toBe(false);
    await expect(confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })).rejects.toBeInstanceOf(
      StagedPasswordGoneError,
    );
  });

  it('takes an id without its key, or a malformed one, as gone', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    for (const unusable of [rowIdOf(stagedId), `${rowIdOf(stagedId)}.`, 'not-an-id', `x.${stagedId}`]) {
      await expect(
        confirmStagedPassword(store, { stagedId: unusable, password: NEW_PASSWORD }),
      ).rejects.toBeInstanceOf(StagedPasswordGoneError);
      await expect((await prepareNewPassword({ stagedId: unusable }))(store)).rejects.toBeInstanceOf(
        StagedPasswordGoneError,
      );
    }
    expect(await confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })).toBe(true);
  });

  it('does not hand out a staged password that was never confirmed', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    await expect((await prepareNewPassword({ stagedId }))(store)).rejects.toBeInstanceOf(
      StagedPasswordGoneError,
    );
    expect(await confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })).toBe(true);
    expect(await verifyPassword(await (await prepareNewPassword({ stagedId }))(store), NEW_PASSWORD)).toBe(
      true,
    );
  });

  it('writes the hash once when the same password is confirmed several times at once', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    const keep = vi.spyOn(store.stagedPasswords, 'keepConfirmedHash');
    try {
      const confirmations = await Promise.all(
        Array.from({ length: 4 }, () => confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })),
      );
      expect(confirmations).toEqual([true, true, true, true]);
      const writes = keep.mock.settledResults.filter((r) => r.type === 'fulfilled' && r.value);
      expect(writes).toHaveLength(1);
    } finally {
      keep.mockRestore();
    }
    const confirmed = await stagedRow(stagedId);
    expect(confirmed!.digest).toBeNull();
    expect(await verifyPassword(confirmed!.passwordHash!, NEW_PASSWORD)).toBe(true);
  });

  it('checks a confirmation run again against the hash, and discards the password on a mismatch', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    expect(await confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })).toBe(true);
    expect(await confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })).toBe(true);
    expect(await confirmStagedPassword(store, { stagedId, password: `${NEW_PASSWORD}x` })).toBe(false);
    expect(await stagedRow(stagedId)).toBeUndefined();
  });

  it('refuses one that waited too long', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    await sql`update staged_passwords set expires_at = now() - interval '1 second' where id = ${rowIdOf(stagedId)}`;
    await expect(confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })).rejects.toBeInstanceOf(
      StagedPasswordGoneError,
    );
    await expect((await prepareNewPassword({ stagedId }))(store)).rejects.toBeInstanceOf(
      StagedPasswordGoneError,
    );
  });

  it("applies the policy, and refuses the account's current password with a user id", async () => {
    await expect(stagePassword(store, { password: 'short1' })).rejects.toBeInstanceOf(WeakPasswordError);
    const user = await seedUser(store);
    await store.users.setPasswordHash(user.id, await hashPassword(GOOD_PASSWORD));
    await expect(stagePassword(store, { password: GOOD_PASSWORD, userId: user.id })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await stagePassword(store, { password: GOOD_PASSWORD })).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);
  });
});
