/** Reads one .env with all three readers and answers what each one gets for a key. */
import type { ParsedEnv } from '../parse.js';
import { readAsCompose } from './compose.js';
import { readAsFlask } from './flask.js';
import type { Environment, ReaderName, ReaderResult } from './types.js';
import { readAsVite } from './vite.js';

/** What one reader gets for one key. */
export type Reading = { kind: 'value'; value: string } | { kind: 'nothing' } | { kind: 'error'; message: string };

/** The three readers' results for the same file. */
export type EnvReadings = Record<ReaderName, ReaderResult>;

/** Every reader's reading of the file; environment stands for the process environment (empty: the file alone). */
export function readWithAllReaders(text: string, parsed: ParsedEnv, environment: Environment = {}): EnvReadings {
  return { flask: readAsFlask(parsed, environment), vite: readAsVite(text, environment), compose: readAsCompose(text, environment) };
}

/** What a reader's result holds for key. */
export function readingOf(result: ReaderResult, key: string): Reading {
  const failure = result.failures.get(key);
  if (failure !== undefined) return { kind: 'error', message: failure };
  const value = result.values.get(key);
  return value === undefined ? { kind: 'nothing' } : { kind: 'value', value };
}

/** Whether two readings are the same. */
export function sameReading(a: Reading, b: Reading): boolean {
  if (a.kind === 'value' && b.kind === 'value') return a.value === b.value;
  return a.kind === b.kind;
}
