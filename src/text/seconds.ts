/** Durations in seconds, as tovrun's messages show them. */

/**
 * How a duration is rounded. 'measured' (a time tovrun took or waits): one decimal below 10 s, whole seconds from
 * there ("1.5 s", "2.0 s", "12 s"). 'limit' (a configured timeout, shown as a user would write it): at most one
 * decimal and no trailing zero ("5 s", "0.1 s", "12.5 s").
 */
export type SecondsRounding = 'measured' | 'limit';

/** Milliseconds as seconds with their unit, for messages: "1.5 s" (see SecondsRounding). */
export function formatSeconds(ms: number, rounding: SecondsRounding = 'measured'): string {
  const value = ms / 1000;
  if (rounding === 'limit') return `${Number(value.toFixed(1))} s`;
  return `${value.toFixed(ms < 10_000 ? 1 : 0)} s`;
}
