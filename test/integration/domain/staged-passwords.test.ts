import { describe, expect, it } from 'vitest';
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

describe('staged passwords', () => {
  it('keeps only an argon2id hash, confirmed by the same password, used once', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    const [row] = await sql`select password_hash from staged_passwords where id = ${stagedId}`;
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })).toBe(true);
    const take = await prepareNewPassword({ stagedId });
    expect(await verifyPassword(await take(store), NEW_PASSWORD)).toBe(true);
    await expect(take(store)).rejects.toBeInstanceOf(StagedPasswordGoneError);
  });

  it('discards the staged password when the second one differs', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    expect(await confirmStagedPassword(store, { stagedId, password: `${NEW_PASSWORD}x` })).toBe(false);
    await expect(confirmStagedPassword(store, { stagedId, password: NEW_PASSWORD })).rejects.toBeInstanceOf(
      StagedPasswordGoneError,
    );
  });

  it('refuses one that waited too long', async () => {
    const stagedId = await stagePassword(store, { password: NEW_PASSWORD });
    await sql`update staged_passwords set expires_at = now() - interval '1 second' where id = ${stagedId}`;
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
    expect(await stagePassword(store, { password: GOOD_PASSWORD })).toMatch(/^[0-9a-f-]{36}$/);
  });
});
