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

/** The process logger: JSON lines on stdout (or appended to `file`), secrets redacted by path. */
export function createLogger(
  level: string,
  options: { file?: string; destination?: pino.DestinationStream } = {},
): Logger {
  const destination =
    options.destination ??
    (options.file ? pino.destination({ dest: options.file, mkdir: true, sync: false }) : undefined);
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'gatehouse' } },
    destination,
  );
}
