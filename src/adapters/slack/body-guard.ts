import type { IncomingMessage } from 'node:http';
import { parse } from 'node:querystring';
import { readBody } from '../../http/server.js';

/** Bolt's own limit for a request body. */
const BODY_LIMIT = 4 * 1024 * 1024;

/** A request whose body has been read: Bolt's receiver uses `rawBody` instead of reading again. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

/** The body as Bolt's receiver will parse it; undefined when it does not parse. */
function parsedAsBolt(raw: string, contentType: string | undefined): unknown {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const fields = parse(raw);
      return typeof fields.payload === 'string' ? JSON.parse(fields.payload) : fields;
    }
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * Something Slack sends: an event or interaction (`type`), a slash command (`command`) or an SSL
 * check. Anything else would wait out Bolt's unhandled-request timeout before its 404.
 */
function looksLikeSlack(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const fields = body as Record<string, unknown>;
  return typeof fields.type === 'string' || typeof fields.command === 'string' || fields.ssl_check === '1';
}

/** Slack's ids are upper-case letters and digits (T0123ABCD). */
const SLACK_ID = /^[A-Z0-9]{1,32}$/;

/**
 * The workspace ids Bolt keys its own tables by are Slack ids: a signed body naming a workspace
 * `valueOf` or `__proto__` would otherwise reach a built-in of Bolt's lookup object and fail with a 500.
 */
function workspaceIdsAreSlackIds(body: unknown): boolean {
  const fields = body as Record<string, unknown>;
  const nested = (key: string, inner: string) => {
    const value = fields[key];
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)[inner]
      : undefined;
  };
  const ids = [
    fields.team_id,
    fields.enterprise_id,
    nested('team', 'id'),
    nested('enterprise', 'id'),
    nested('user', 'team_id'),
  ];
  return ids.every((id) => id === undefined || id === null || (typeof id === 'string' && SLACK_ID.test(id)));
}

/**
 * Reads the body once and keeps it for Bolt, and answers here what Bolt cannot take: a body over its
 * limit (413), or one that is not a Slack request or names a workspace by no Slack id (400). Bolt's
 * receiver throws on a body that parses
 * to something other than an object without ever answering, leaving the request hanging.
 */
export async function screenSlackBody(req: IncomingMessage): Promise<200 | 400 | 413> {
  const raw = await readBody(req, BODY_LIMIT);
  if (!raw) return 413;
  (req as BufferedRequest).rawBody = raw;
  const body = parsedAsBolt(raw.toString(), req.headers['content-type']);
  return looksLikeSlack(body) && workspaceIdsAreSlackIds(body) ? 200 : 400;
}
