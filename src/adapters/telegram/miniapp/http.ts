import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../../http/server.js';

/** Headers every Mini App response carries. */
const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  // The form's URL holds its nonce: no request (Telegram's script included) may carry it along.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** A request body that is too large or not the JSON expected. */
export class BadBodyError extends Error {
  override readonly name = 'BadBodyError';
  constructor(readonly status: 400 | 413) {
    // i18n-exempt: the error's message, for logs; a page is told in its words (routes.ts)
    super(status === 413 ? 'request body too large' : 'request body is not valid JSON');
  }
}

/** Reads a JSON body of at most `maxBytes`; throws BadBodyError. */
export async function readJson(req: IncomingMessage, maxBytes = 8192): Promise<unknown> {
  const body = await readBody(req, maxBytes);
  if (!body) throw new BadBodyError(413);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new BadBodyError(400);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // i18n-exempt: a MIME type
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, COMMON_HEADERS).end();
}

/** Sends a static file with the page's security headers. */
export function sendFile(
  res: ServerResponse,
  file: { body: string; type: string },
  extraHeaders: Record<string, string> = {},
): void {
  res.writeHead(200, { ...COMMON_HEADERS, ...extraHeaders, 'content-type': file.type });
  res.end(file.body);
}
