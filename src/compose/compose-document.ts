/** A compose file parsed with line numbers, and its values interpolated the way compose does (`${VAR:-default}`). */

import type { Document, LineCounter } from 'yaml';
import { interpolateCompose } from '../env/readers/compose-interpolation.js';
import { firstCollectionKeyLine, isCircular } from '../files/yaml-guards.js';
import { parseYaml } from '../files/yaml-parse.js';
import { lineOf } from '../workspace/load.js';

/** A parsed compose file: the YAML document, its line counter, its plain value, and the first syntax error (if any). */
export interface ComposeDocument {
  file: string;
  doc: Document;
  counter: LineCounter;
  /** The document as plain data (aliases resolved); {} when it has a syntax error. */
  value: unknown;
  syntaxError: { message: string; line: number } | null;
}

/** The plain value of a document, or why it has none (an unresolved alias, aliases expanding without bound). */
function plainValue(doc: Document): { value: unknown; error: string | null } {
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 1000 }) ?? {};
    return isCircular(value) ? { value: {}, error: 'an alias (*name) is used inside its own anchor (&name)' } : { value, error: null };
  } catch (error) {
    return { value: {}, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A `${}` that compose would refuse, with where it is. */
export interface InterpolationFailure {
  path: (string | number)[];
  line: number | null;
  message: string;
}

/** Looks a variable up as compose would: the shell's environment first, then .env. */
export type VariableLookup = (name: string) => string | undefined;

/** Parses compose text (never throws: a syntax error, or aliases that cannot be expanded, is reported in the result). */
export function parseComposeText(text: string, file: string): ComposeDocument {
  const { doc, counter, error: syntaxError } = parseYaml(text, { merge: true });
  if (syntaxError) return { file, doc, counter, value: {}, syntaxError };
  // Compose keys are names; a collection as a key (`? [a]: x`) is refused before toJS, which stringifies such keys slowly.
  const collectionKey = firstCollectionKeyLine(doc, counter);
  if (collectionKey !== null)
    return {
      file,
      doc,
      counter,
      value: {},
      syntaxError: { message: 'a mapping key is a list or a mapping; compose keys are plain names', line: collectionKey },
    };
  const { value, error } = plainValue(doc);
  return { file, doc, counter, value, syntaxError: error === null ? null : { message: error, line: 1 } };
}

/** The 1-based line of the value at path (or of its nearest parent), null when unknown. */
export function lineAt(parsed: ComposeDocument, path: (string | number)[], pointAtKey = false): number | null {
  return lineOf(parsed.doc, parsed.counter, path, pointAtKey) ?? null;
}

function interpolateValue(
  value: unknown,
  path: (string | number)[],
  lookup: VariableLookup,
  failures: { path: (string | number)[]; message: string }[],
): unknown {
  if (typeof value === 'string') {
    const result = interpolateCompose(value, lookup);
    if (result.ok) return result.value;
    failures.push({ path, message: result.error });
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolateValue(item, [...path, index], lookup, failures));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateValue(item, [...path, key], lookup, failures)]));
  }
  return value;
}

/** The document as plain data with every string value interpolated; failures name their path and line. */
export function interpolateDocument(parsed: ComposeDocument, lookup: VariableLookup): { value: unknown; failures: InterpolationFailure[] } {
  const found: { path: (string | number)[]; message: string }[] = [];
  const value = interpolateValue(parsed.value, [], lookup, found);
  return { value, failures: found.map((failure) => ({ ...failure, line: lineAt(parsed, failure.path) })) };
}
