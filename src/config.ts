import { z } from 'zod';
import { AUDIT_ERASURE_MODES } from './domain/enums.js';
import { SUPPORTED_LOCALES } from './i18n/locales.js';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .url('must be a URL')
    .refine(
      (v) => !URL.canParse(v) || protocols.includes(new URL(v).protocol),
      `must start with ${protocols.join(' or ')}`,
    );

const optionalUrl = (protocols: string[]) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), url(protocols).optional());

const PORT_NUMBER = 'must be a port number (1–65535)';

const schema = z
  .object({
    DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    REDIS_URL: optionalUrl(['redis:', 'rediss:']),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be 1–64 characters of A-Z, a-z, 0-9 and : _ . -')
      .default('gh:s:'),
    TELEGRAM_BOT_TOKEN: z
      .preprocess(
        (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
        z
          .string()
          .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC… (the token BotFather gave you)')
          .optional(),
      )
      .optional(),
    TELEGRAM_API_ROOT: url(['https:', 'http:']).default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: optionalUrl(['https:']),
    TELEGRAM_WEBHOOK_SECRET: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16–256 characters of A-Z, a-z, 0-9, _ and -')
        .optional(),
    ),
    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_API_URL: optionalUrl(['https:', 'http:']),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalUrl(['https:', 'http:']),
    OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
    PERSONA_NAME: z.string().trim().min(1).max(60, 'must be at most 60 characters').default('Smithers'),
    TEAM_NAME: z.string().trim().max(60, 'must be at most 60 characters').optional(),
    ONBOARDING_MAX_TURNS: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce
        .number()
        .int('must be a whole number')
        .min(2, 'must be at least 2')
        .max(30, 'must be at most 30')
        .default(12),
    ),
    SEAT_LIMIT: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
    ),
    PORT: z.coerce
      .number({ message: PORT_NUMBER })
      .int(PORT_NUMBER)
      .min(1, PORT_NUMBER)
      .max(65535, PORT_NUMBER)
      .default(3000),
    PUBLIC_URL: optionalUrl(['https:']).refine(
      (v) => v === undefined || !URL.canParse(v) || (new URL(v).search === '' && new URL(v).hash === ''),
      'must be a plain https address, without ?query or #fragment (links are built by adding paths to it)',
    ),
    AUDIT_KEY: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .trim()
        .regex(
          /^[0-9a-fA-F]{64}$/,
          'must be 64 hexadecimal digits (32 bytes, e.g. from openssl rand -hex 32)',
        )
        .optional(),
    ),
    AUDIT_ERASURE: z.enum(AUDIT_ERASURE_MODES, { message: 'must be keep or forget' }).default('keep'),
    DEFAULT_LOCALE: z
      .enum(SUPPORTED_LOCALES, { message: `must be one of ${SUPPORTED_LOCALES.join(', ')}` })
      .default('en'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((c, ctx) => {
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'is required with TELEGRAM_WEBHOOK_URL',
      });
    }
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_BOT_TOKEN'],
        message: 'is required with TELEGRAM_WEBHOOK_URL',
      });
    }
    if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
  });

export type Config = z.infer<typeof schema>;

/** A setting that is missing or malformed; the message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates every setting once; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = issue?.path.join('.') ?? 'configuration';
  throw new ConfigError(`${variable} ${issue?.message ?? 'is invalid'}`);
}
