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

/** The bytes `text` takes inside the saved JSON (its escaped form, in UTF-8, without the quotes). */
function weight(text: string): number {
  const json = JSON.stringify(text);
  let bytes = 0;
  for (let i = 1; i < json.length - 1; i++) {
    const unit = json.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    // A surrogate pair is one character of 4 bytes; JSON escapes a lone surrogate as ASCII.
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
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

/**
 * Appends turns, keeping only the latest ones within the turn count and byte bounds. `transcript`
 * is one this function made (the flow's context starts empty), so only the new turns are clipped.
 */
export function appendTranscript(transcript: TranscriptTurn[], ...turns: TranscriptTurn[]): TranscriptTurn[] {
  const added = turns.map((t) => ({
    role: t.role,
    text: fit(clip(t.text), TRANSCRIPT_BYTES_MAX - TURN_OVERHEAD),
  }));
  const kept = [...transcript, ...added].slice(-TRANSCRIPT_TURNS_MAX);
  const weights = kept.map((t) => TURN_OVERHEAD + weight(t.text));
  let total = weights.reduce((sum, w) => sum + w, 0);
  let first = 0;
  while (total > TRANSCRIPT_BYTES_MAX) total -= weights[first++]!;
  return kept.slice(first);
}
