/**
 * What Vite gets from loadEnv(): Vite 8 parses with Node's own util.parseEnv (we call the same function, so the
 * verdict follows the running Node version) and then expands references with dotenv-expand 13, patched.
 *
 * Why this expander is written out instead of depending on dotenv-expand: Vite bundles dotenv-expand 13.0.0 with its
 * own patch (vitejs/vite, patches/dotenv-expand@13.0.0.patch: "we pass options.parsed instead of runningParsed"), so a
 * reference sees every key of the files, below it too. The published library (12.0.0 and later) expands
 * progressively: `A=${B}` above `B=x` gives A "" there and "x" in Vite (test/env/readers/vite.test.ts shows both). On
 * the reader fixtures (test/env/readers/measured.test.ts), the library misses four keys of dollar.env that Vite gets.
 * Besides, the library has no bound on its replacements; this copy stops after 256 so that a hostile file cannot hang
 * tovrun. Everything else follows the patched expandValue line by line.
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
  const lookup = (name: string): string | undefined =>
    Object.hasOwn(environment, name) ? environment[name] : Object.hasOwn(parsed, name) ? parsed[name] : undefined;
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
