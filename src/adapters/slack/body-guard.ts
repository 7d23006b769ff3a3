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

/**
 * Reads the body once and keeps it for Bolt, and answers here what Bolt cannot take: a body over its
 * limit (413), or one that is not a Slack request (400). Bolt's receiver throws on a body that parses
 * to something other than an object without ever answering, leaving the request hanging.
 */
export async function screenSlackBody(req: IncomingMessage): Promise<200 | 400 | 413> {
  const raw = await readBody(req, BODY_LIMIT);
  if (!raw) return 413;
  (req as BufferedRequest).rawBody = raw;
  return looksLikeSlack(parsedAsBolt(raw.toString(), req.headers['content-type'])) ? 200 : 400;
}
