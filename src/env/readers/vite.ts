/**
 * What Vite gets from loadEnv(): Vite 8 parses with Node's own util.parseEnv (we call the same function, so the
 * verdict follows the running Node version) and then expands references the way dotenv-expand 12 does.
 */
import { parseEnv } from 'node:util';
import type { Environment, ReaderResult } from './types.js';

const reference = /(?<!\\)\${([^{}]+)}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)/g;
const operator = /(:\+|\+|:-|-)/;
// A guard the real expander lacks: a pathological file must not hang tovrun.
const maxReplacements = 256;

/** Expands one value against the parsed file and the environment, replicating dotenv-expand's expandValue. */
function expandValue(value: string, environment: Environment, parsed: Record<string, string>): string {
  // The environment wins over the file, as in dotenv-expand's { ...parsed, ...processEnv } (looked up, not copied per value).
  const lookup = (name: string): string | undefined => (Object.hasOwn(environment, name) ? environment[name] : Object.hasOwn(parsed, name) ? parsed[name] : undefined);
  const seen = new Set<string>();
  let result = value;
  let replacements = 0;
  reference.lastIndex = 0;
  for (let match = reference.exec(result); match !== null && replacements < maxReplacements; match = reference.exec(result)) {
    replacements++;
    seen.add(result);
    const [template, braced, unbraced] = match;
    const expression = braced ?? unbraced ?? '';
    // dotenv-expand splits on the operator, or on String(null) when there is none; kept for fidelity.
    const splitter = String(expression.match(operator)?.[0] ?? null);
    const parts = expression.split(splitter);
    const name = parts.shift() ?? '';
    const isAlternative = splitter === ':+' || splitter === '+';
    const current = lookup(name);
    const fallback = isAlternative ? (current ? parts.join(splitter) : '') : parts.join(splitter);
    const found = isAlternative ? undefined : current;
    // String.replace with a string pattern, exactly as dotenv-expand does ($$ and $& in values are special there too).
    if (found) result = result.replace(template, seen.has(found) ? fallback : found);
    else result = result.replace(template, fallback);
    if (result === parsed[name]) break;
    reference.lastIndex = 0;
  }
  return result;
}

/** Vite's reading of .env text (loadEnv with every prefix), with environment standing for process.env. */
export function readAsVite(text: string, environment: Environment = {}): ReaderResult {
  const parsed: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseEnv(text))) if (value !== undefined) parsed[key] = value;
  for (const key of Object.keys(parsed)) {
    const fromEnvironment = environment[key];
    const raw = parsed[key] ?? '';
    const value = fromEnvironment && fromEnvironment !== raw ? fromEnvironment : expandValue(raw, environment, parsed);
    parsed[key] = value.replace(/\\\$/g, '$');
  }
  return { values: new Map(Object.entries(parsed)), failures: new Map() };
}

