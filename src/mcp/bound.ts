/** Keeping each MCP tool result small enough for an agent's context: compact JSON of at most maxResultChars characters. */

/** The most characters of one tool result's text. */
export const maxResultChars = 20_000;
/** The most lines of one service's error block in the errors tool (its end kept: the exception is last). */
export const maxErrorBlockLines = 60;

/** The note in a result whose list was shortened. */
export interface Truncation {
  kept: number;
  left: number;
  note: string;
}

/**
 * value as compact JSON within max characters. When it is longer and value[listKey] is a list, its first (oldest)
 * items are left out until it fits, and a `truncated` field says how many; otherwise the text is cut, with a note.
 */
export function boundedJson(value: Record<string, unknown>, listKey: string | null, max = maxResultChars): string {
  const whole = JSON.stringify(value);
  if (whole.length <= max) return whole;
  const list = listKey === null ? undefined : value[listKey];
  if (Array.isArray(list)) {
    const withLast = (count: number) => {
      const truncated: Truncation = {
        kept: count,
        left: list.length - count,
        note: `the first ${list.length - count} of ${list.length} ${listKey} were left out to keep this result under ${max} characters; ask for less (fewer lines, a grep, a since)`,
      };
      return JSON.stringify({ ...value, [listKey as string]: list.slice(list.length - count), truncated });
    };
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (withLast(middle).length <= max) low = middle;
      else high = middle - 1;
    }
    const text = withLast(low);
    if (text.length <= max) return text;
  }
  const note = `… [cut: the result had ${whole.length} characters, more than ${max}]`;
  return `${whole.slice(0, max - note.length)}${note}`;
}
