/** The small JSON records tovrun keeps under .tovrun/ (run state, compose state, panes): read checked, written atomically. */
import { rmSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';
import { mebibyte, readText } from './read-text.js';

/** The most tovrun reads of one of its records (16 MiB: the largest, the config cache, holds a tovrun.yaml of at most 1 MiB). */
const recordMaxBytes = 16 * mebibyte;

/** JSON text as a value, or undefined when it does not parse. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The value when it is an object with named fields (not null, not an array), else null: check this before reading a parsed record's fields. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** JSON text as an object with named fields; null when it does not parse or is null, an array, a string or a number. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  return asRecord(parseJson(text));
}

/**
 * The record in file as parse accepts it; null when the file is missing, unreadable, not a regular file (a FIFO put in
 * its place never blocks), over 16 MiB, not JSON or not a record tovrun wrote.
 */
export function readJsonRecord<T>(file: string, parse: (text: string) => T | null): T | null {
  let text: string | undefined;
  try {
    text = readText(file, { label: file, maxBytes: recordMaxBytes });
  } catch {
    return null;
  }
  return text === undefined ? null : parse(text);
}

/** Writes value as indented JSON, atomically (a temporary file beside it, then a rename). */
export function writeJsonRecord(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Removes the record; nothing happens when it is already gone. */
export function removeJsonRecord(file: string): void {
  rmSync(file, { force: true });
}
