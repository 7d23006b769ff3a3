import { createHmac } from 'node:crypto';

export const SLACK_SIGNING_SECRET = 'test-signing-secret-0123456789';

/** Posts a body to the bot as Slack would: signed with the signing secret and a timestamp. */
export async function postSigned(
  url: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: { secret?: string; timestamp?: number } = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SLACK_SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
