/** Where the two webhook-mode processes listen, and the secret Telegram would send them. */
export const WEBHOOK_SECRET = 'bench-webhook-secret-0123456789';
export const WEBHOOK_PATH = '/telegram/bench-hook';
