import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('runs on the embedded defaults with no settings at all', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
    expect(config.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    expect(config.AUDIT_KEY).toBeUndefined();
    expect(config.AUDIT_ERASURE).toBe('keep');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', SEAT_LIMIT: ' ' }).SEAT_LIMIT).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must start with postgres: or postgresql:$/],
    [{ PORT: 'eighty' }, /^PORT /],
    [{ DATABASE_URL: 'nope' }, /^DATABASE_URL must be a URL$/],
    [{ SEAT_LIMIT: '0' }, /^SEAT_LIMIT must be at least 1$/],
    [{ SEAT_LIMIT: '2.5' }, /^SEAT_LIMIT must be a whole number$/],
    [{ PUBLIC_URL: 'http://example.com' }, /^PUBLIC_URL must start with https:$/],
    [{ PUBLIC_URL: 'https://example.com/?a=1' }, /^PUBLIC_URL must be a plain https address/],
    [{ TELEGRAM_BOT_TOKEN: 'nonsense' }, /^TELEGRAM_BOT_TOKEN must look like/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, /^REDIS_URL must start with redis: or rediss:$/],
    [{ AUDIT_KEY: 'abc123' }, /^AUDIT_KEY must be 64 hexadecimal digits/],
    [{ AUDIT_ERASURE: 'shred' }, /^AUDIT_ERASURE must be keep or forget$/],
    [
      {
        TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg',
      },
      /^TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL$/,
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a secret value in its message', () => {
    const token = 'not-a-token-but-secret-looking';
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: token })).toThrow(/^(?!.*not-a-token)/);
  });
});
