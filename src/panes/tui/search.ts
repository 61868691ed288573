/** Searching and filtering a scrollback: case-insensitive text matches (colours ignored), next and previous hit. */
import { plainText } from '../../text/ansi.js';
import type { Scrollback } from './scrollback.js';

/** Whether a line's text (colour codes removed) holds the query, ignoring case; an empty query matches every line. */
export function lineMatches(text: string, query: string): boolean {
  if (query === '') return true;
  return plainText(text).toLowerCase().includes(query.toLowerCase());
}

/** The ranges [start, end) of each match of query in plain text, ignoring case (for highlighting). */
export function matchRanges(plain: string, query: string): Array<[number, number]> {
  if (query === '') return [];
  const haystack = plain.toLowerCase();
  const needle = query.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  return ranges;
}

/**
 * The absolute index of the nearest line matching query strictly before `from` (direction 'older') or strictly after
 * it ('newer'), among the kept lines; null when there is none.
 */
export function findMatch(lines: Scrollback, query: string, from: number, direction: 'older' | 'newer'): number | null {
  if (query === '') return null;
  if (direction === 'older') {
    for (let index = Math.min(from - 1, lines.end - 1); index >= lines.first; index -= 1) if (lineMatches(lines.textAt(index), query)) return index;
  } else {
    for (let index = Math.max(from + 1, lines.first); index < lines.end; index += 1) if (lineMatches(lines.textAt(index), query)) return index;
  }
  return null;
}
