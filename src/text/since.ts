/** `--since`: a duration back from now ("90s", "10m", "2h", "1d") or a date and time ("2026-12-04T10:00:00Z", "10:30"). */
import { UsageError } from '../errors.js';

const units: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The time (ms since the epoch) --since names; a UsageError saying the accepted forms otherwise. A clock time alone is today's. */
export function parseSince(text: string, now: number): number {
  const trimmed = text.trim();
  const duration = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(trimmed);
  if (duration) return now - Number(duration[1]) * (units[duration[2] as string] as number);
  const clock = /^(\d\d?):(\d\d)(?::(\d\d))?$/.exec(trimmed);
  if (clock) {
    const day = new Date(now);
    day.setHours(Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0), 0);
    return day.getTime();
  }
  const date = /^\d{4}-\d\d-\d\d/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (!Number.isNaN(date)) return date;
  throw new UsageError(
    `--since ${JSON.stringify(text)} is neither a duration nor a time.`,
    'Give a duration back from now (30s, 10m, 2h, 1d), a clock time of today (14:05), or a date and time (2026-12-04T14:05:00Z).',
  );
}
