/**
 * The onboarding flow's byte budget: answers and the transcript are clipped so that its resting
 * snapshot stays under 4 KB however long the answers are.
 */

/** Longest answer or transcript line the flow keeps. */
export const ONBOARDING_TEXT_MAX = 500;
/** Bounds, in bytes of saved JSON, that keep the resting snapshot under 4 KB however long the answers are. */
export const FIELDS_BYTES_MAX = 1300;
const TRANSCRIPT_BYTES_MAX = 1300;
const TRANSCRIPT_TURNS_MAX = 12;

export interface TranscriptTurn {
  role: 'assistant' | 'user';
  text: string;
}

/** Trimmed, without control characters other than newline and tab, and at most 500 characters. */
export function clip(text: string): string {
  return text
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .trim()
    .slice(0, ONBOARDING_TEXT_MAX);
}

const encoder = new TextEncoder();

/** The bytes `text` takes inside the saved JSON. */
function weight(text: string): number {
  return encoder.encode(JSON.stringify(text)).length - 2;
}

/** The longest start of `text` that weighs at most `budget`. */
function fit(text: string, budget: number): string {
  if (weight(text) <= budget) return text;
  let kept = '';
  let left = budget;
  for (const char of text) {
    left -= weight(char);
    if (left < 0) break;
    kept += char;
  }
  return kept;
}

/** Merges changes into fields, each clipped, dropping blanks and odd keys, within `budget` bytes. */
export function mergeFields(
  current: Record<string, string>,
  changes: Record<string, string> | undefined,
  budget: number,
): Record<string, string> {
  const merged: Record<string, string> = {};
  let left = budget;
  for (const [key, raw] of Object.entries({ ...current, ...changes })) {
    if (!/^\w{1,24}$/.test(key) || key === '__proto__') continue;
    const value = fit(clip(raw), left - key.length - 6);
    if (value === '') continue;
    merged[key] = value;
    left -= key.length + 6 + weight(value);
  }
  return merged;
}

/** The bytes `fields` take inside the saved JSON, as `mergeFields` counts them. */
export function weightOfFields(fields: Record<string, string>): number {
  return Object.entries(fields).reduce((sum, [key, value]) => sum + key.length + 6 + weight(value), 0);
}

const TURN_OVERHEAD = 30;

/** Appends turns, keeping only the latest ones within the turn count and byte bounds. */
export function appendTranscript(transcript: TranscriptTurn[], ...turns: TranscriptTurn[]): TranscriptTurn[] {
  const kept = [...transcript, ...turns]
    .map((t) => ({ role: t.role, text: fit(clip(t.text), TRANSCRIPT_BYTES_MAX - TURN_OVERHEAD) }))
    .slice(-TRANSCRIPT_TURNS_MAX);
  while (kept.reduce((sum, t) => sum + TURN_OVERHEAD + weight(t.text), 0) > TRANSCRIPT_BYTES_MAX)
    kept.shift();
  return kept;
}
