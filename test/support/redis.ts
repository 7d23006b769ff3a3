import { randomBytes } from 'node:crypto';

/** The Redis the tests use: REDIS_TEST_URL or the machine's. */
export const TEST_REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379/0';

/** A key prefix of its own for one test file, so files never see each other's keys. */
export function testKeyPrefix(): string {
  return `gh:test:${randomBytes(6).toString('hex')}:`;
}
