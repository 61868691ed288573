/** What Flask gets: python-dotenv's dotenv_values(), i.e. parse then resolve `${NAME}` and `${NAME:-default}`. */
import { type ParsedEnv, parseEnv } from '../parse.js';
import type { Environment, ReaderResult } from './types.js';

// python-dotenv's _posix_variable: only the braced form, with an optional `:-default`; `$NAME` stays literal.
const posixVariable = /\$\{([^}:]*)(?::-([^}]*))?\}/g;

/**
 * Resolves values in file order as dotenv_values(interpolate=True, override=True) does: a reference sees keys
 * defined above it (a key without `=` counts as set to nothing), then the environment, then its default.
 */
export function resolvePythonDotenv(parsed: ParsedEnv, environment: Environment = {}): Map<string, string | null> {
  const resolved = new Map<string, string | null>();
  for (const entry of parsed.entries) {
    if (entry.value === null) {
      resolved.set(entry.key, null);
      continue;
    }
    // No reference can end after the last `}`: leaving that tail out keeps a long unclosed run of `${` linear.
    const closing = entry.value.lastIndexOf('}') + 1;
    const head = entry.value.slice(0, closing).replace(posixVariable, (_match, name: string, fallback: string | undefined) => {
      if (resolved.has(name)) return resolved.get(name) ?? '';
      return environment[name] ?? fallback ?? '';
    });
    const value = head + entry.value.slice(closing);
    resolved.set(entry.key, value);
  }
  return resolved;
}

/** Flask's reading of .env text: keys without a value (no `=`) are left out, as load_dotenv does. */
export function readAsFlask(source: string | ParsedEnv, environment: Environment = {}): ReaderResult {
  const parsed = typeof source === 'string' ? parseEnv(source) : source;
  const values = new Map<string, string>();
  for (const [key, value] of resolvePythonDotenv(parsed, environment)) {
    if (value === null) values.delete(key);
    else values.set(key, value);
  }
  return { values, failures: new Map() };
}
