import { fchmodSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

/** Paths whose values never reach a log line, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'currentPassword',
  '*.currentPassword',
  'newPassword',
  '*.newPassword',
  'token',
  '*.token',
  'payload',
  '*.payload',
  'passwordHash',
  '*.passwordHash',
  'password_hash',
  '*.password_hash',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-slack-signature"]',
  'headers.cookie',
  'secret',
  '*.secret',
  'nonce',
  '*.nonce',
  'initData',
  '*.initData',
  'apiKey',
  '*.apiKey',
];

export type { Logger };

/** Opens a log file for appending that only its owner may read (one written before is made so too). */
function privateLogFile(file: string): number {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'a', 0o600);
  fchmodSync(fd, 0o600);
  return fd;
}

/** The process logger: JSON lines on stdout (or appended to `file`), secrets redacted by path. */
export function createLogger(
  level: string,
  options: { file?: string; destination?: pino.DestinationStream } = {},
): Logger {
  const destination =
    options.destination ??
    (options.file ? pino.destination({ fd: privateLogFile(options.file), sync: false }) : undefined);
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'gatehouse' } },
    destination,
  );
}
