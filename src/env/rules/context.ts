/** What every .env rule reads: the parsed file, the template's schema, the readers' results, secrets, file names. */
import { type CheckStatus, type Finding, finding } from '../../report/findings.js';
import type { SecretContinuation } from '../continuations.js';
import type { ReaderDisagreement } from '../disagreements.js';
import type { EnvEntry, ParsedEnv } from '../parse.js';
import type { EnvReadings } from '../readers/readings.js';
import type { EnvSchema } from '../template.js';
import { hiddenValue } from './reading-text.js';

/** The input of every rule (plain data, computed once). */
export interface EnvRuleInput {
  parsed: ParsedEnv;
  schema: EnvSchema;
  readings: EnvReadings;
  disagreements: ReaderDisagreement[];
  /** What Flask gets, by key (interpolated; keys without `=` left out). */
  values: Map<string, string>;
  secretKeys: Set<string>;
  /** Runs of lines continuing a secret key's value (a PEM body, a wrapped token): one finding of their own, no other. */
  continuations: SecretContinuation[];
  /** The lines of those runs, which every other rule skips. */
  continuationLines: Set<number>;
  /** True when FLASK_ENV=production: placeholder and weak secrets become errors. */
  production: boolean;
  /** Names shown for .env and .env.template (relative to the workspace root). */
  files: { env: string; template: string };
}

/** A rule: the findings it has about the input. */
export type EnvRule = (input: EnvRuleInput) => Finding[];

/** A finding located at a line of .env. */
export function envFinding(input: EnvRuleInput, id: string, status: CheckStatus, line: number | null, message: string, hint: string): Finding {
  return finding(`env/${id}`, status, message, { hint, file: input.files.env, ...(line === null ? {} : { line }) });
}

/** The last entry of each key (the one every reader keeps). */
export function lastEntries(parsed: ParsedEnv): Map<string, EnvEntry> {
  const last = new Map<string, EnvEntry>();
  for (const entry of parsed.entries) last.set(entry.key, entry);
  return last;
}

/** The entries that are assignments of their own: those on lines continuing a secret's value are left out. */
export function assignedEntries(input: EnvRuleInput): EnvEntry[] {
  return input.parsed.entries.filter((entry) => !input.continuationLines.has(entry.line));
}

/** A value quoted for a message, or a note that it is hidden when key is secret. */
export function shownValue(input: EnvRuleInput, key: string, value: string): string {
  return input.secretKeys.has(key) ? hiddenValue(value) : JSON.stringify(value);
}
