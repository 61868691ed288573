/**
 * What docker compose gets when it reads .env. No compose engine runs in tovrun's tests yet, so this encodes
 * compose's documented .env syntax (docs.docker.com "Syntax for environment files", compose-go's dotenv parser)
 * rather than measuring it: comments need a space before `#` in unquoted values, single quotes are literal,
 * double quotes decode \n \r \t \\ \" and interpolate, and a reference only sees keys defined above it.
 */
import { type Interpolated, interpolateCompose } from './compose-interpolation.js';
import type { Environment, ReaderResult } from './types.js';

// compose-go accepts letters, digits and _ . - [ ] in names; anything else stops it.
const validName = /^[\p{L}\p{N}_.[\]-]+$/u;
// Go's unicode.IsSpace, not JavaScript's \s: a byte-order mark is not whitespace to compose.
const goSpace = '[ \\t\\n\\r\\f\\v\\u0085\\u00A0]';
const firstNonSpace = new RegExp(`[^${goSpace.slice(1)}`);
const goSpaceChars = new Set([' ', '\t', '\n', '\r', '\f', '\v', '\u0085', '\u00A0']);

/** text without Go whitespace at either end (a scan, not a `\s+$` regex, which is quadratic on long inner runs). */
function trimGoSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && goSpaceChars.has(text.charAt(start))) start++;
  while (end > start && goSpaceChars.has(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}
const innerSpace = new RegExp(goSpace);
const doubleQuoteEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The index of the quote closing the one at start (a backslash escapes the character after it), or -1. */
function closingQuote(text: string, start: number): number {
  const quote = text.charAt(start);
  for (let index = start + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\\') index++;
    else if (char === quote) return index;
  }
  return -1;
}

/** Reads the value starting right after `=` at afterEquals: its outcome, and where the next statement starts. */
function readValue(text: string, afterEquals: number, lineEnd: number, lookup: (name: string) => string | undefined): { outcome: Interpolated; next: number } {
  const rest = text.slice(afterEquals, lineEnd).replace(/\r$/, '');
  const valueStart = afterEquals + (/^[ \t]*/.exec(rest)?.[0].length ?? 0);
  const quote = text.charAt(valueStart);
  if (quote !== '"' && quote !== "'") {
    // A # after a space or tab starts a comment (so `KEY= # note` is empty, `KEY=#x` is "#x").
    return { outcome: interpolateCompose(trimGoSpace(rest.replace(/[ \t]#.*$/, '')), lookup), next: lineEnd };
  }
  const close = closingQuote(text, valueStart);
  if (close < 0) return { outcome: { ok: false, error: 'unterminated quoted value' }, next: lineEnd };
  const inner = text.slice(valueStart + 1, close);
  const next = endOfLine(text, close);
  if (quote === "'") return { outcome: { ok: true, value: inner.replace(/\\'/g, "'") }, next };
  const unescaped = inner.replace(/\\([nrt\\"])/g, (_escape, char: string) => doubleQuoteEscapes[char] ?? char);
  return { outcome: interpolateCompose(unescaped, lookup), next };
}

function nameFailure(key: string): string {
  return innerSpace.test(key) ? 'key cannot contain a space' : `unexpected character in variable name ${JSON.stringify(key)}`;
}

/** Compose's reading of .env text; environment stands for the shell compose runs in (it wins over the file). */
export function readAsCompose(text: string, environment: Environment = {}): ReaderResult {
  const values = new Map<string, string>();
  const failures = new Map<string, string>();
  const lookup = (name: string) => environment[name] ?? values.get(name);
  let position = 0;
  while (position < text.length) {
    const start = text.slice(position).search(firstNonSpace);
    if (start < 0) break;
    position += start;
    const lineEnd = endOfLine(text, position);
    const exportPrefix = /^export[ \t]+/.exec(text.slice(position, lineEnd))?.[0].length ?? 0;
    const line = text.slice(position + exportPrefix, lineEnd);
    const equals = line.indexOf('=');
    const key = trimGoSpace(equals < 0 ? line : line.slice(0, equals));
    if (text.charAt(position) === '#' || (equals < 0 && validName.test(key))) {
      // A comment; or a bare KEY, which takes its value from the shell if the shell has one.
      if (text.charAt(position) !== '#' && environment[key] !== undefined) values.set(key, environment[key]);
      position = lineEnd;
      continue;
    }
    if (!validName.test(key)) {
      failures.set(key, nameFailure(key));
      position = lineEnd;
      continue;
    }
    const { outcome, next } = readValue(text, position + exportPrefix + equals + 1, lineEnd, lookup);
    if (outcome.ok) values.set(key, environment[key] ?? outcome.value);
    else failures.set(key, outcome.error);
    position = next;
  }
  return { values, failures };
}
