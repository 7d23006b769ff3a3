import type { Platform } from '../../domain/enums.js';

/** "3 min ago", "2 days ago", "never": for last-seen columns. */
export function ago(date: Date | null, now = Date.now()): string {
  if (!date) return 'never';
  const minutes = Math.round((now - date.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2025-05-01 14:03 UTC" */
export function minute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const PLATFORM_NAMES: Record<Platform, string> = {
  telegram: 'Telegram',
  slack: 'Slack',
  console: 'the console',
};

export function platformName(platform: Platform): string {
  return PLATFORM_NAMES[platform];
}

export function listOrNone(items: string[], none = '—'): string {
  return items.length > 0 ? items.join(', ') : none;
}
