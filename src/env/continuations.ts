/**
 * Continuation lines of secret values: an unquoted PEM body under `SECRET_KEY=-----BEGIN …`, or a token wrapped onto
 * the next line. Every reader drops or misreads them, and their text is as secret as the value they continue.
 */
import type { EnvStatement, ParsedEnv } from './parse.js';
import { invalidValueText } from './parse.js';

/** A run of lines continuing a secret key's value. */
export interface SecretContinuation {
  /** The secret key whose line they follow. */
  key: string;
  /** 1-based first and last line of the run. */
  line: number;
  endLine: number;
  /** The statements on those lines. */
  statements: EnvStatement[];
}

/**
 * Whether a statement is an assignment of its own: a `KEY=value` python-dotenv reads, unless its value is only `=`
 * (`QUJD==`: base64 padding), or empty with a key no one writes (mixed case or odd characters: `AbCd=`).
 */
function isAssignment(statement: EnvStatement): boolean {
  if (statement.kind !== 'entry' || statement.value === null) return false;
  const raw = statement.rawValue ?? '';
  if (/^=+$/.test(raw)) return false;
  return raw !== '' || /^(?:[A-Z0-9_]+|[a-z0-9_]+)$/.test(statement.key);
}

/** The key a statement sets (or seems to set, for a line Flask rejects), or null. */
function keyOf(statement: EnvStatement): string | null {
  return statement.kind === 'comment' ? null : statement.key;
}

/**
 * The runs of lines that directly follow a secret key's line (no blank line between) and are not assignments or
 * comments themselves.
 */
export function secretContinuations(parsed: ParsedEnv, secretKeys: ReadonlySet<string>): SecretContinuation[] {
  const runs: SecretContinuation[] = [];
  let owner: string | null = null;
  let current: SecretContinuation | null = null;
  let previousEnd = 0;
  for (const statement of parsed.statements) {
    const follows = statement.line === previousEnd + 1;
    previousEnd = statement.endLine;
    if (owner !== null && follows && statement.kind !== 'comment' && !isAssignment(statement)) {
      if (current === null) {
        current = { key: owner, line: statement.line, endLine: statement.endLine, statements: [] };
        runs.push(current);
      }
      current.statements.push(statement);
      current.endLine = statement.endLine;
      continue;
    }
    current = null;
    const key = keyOf(statement);
    owner = key !== null && secretKeys.has(key) ? key : null;
  }
  return runs;
}

/** The lines of the runs, for rules that skip them (a continuation gets one finding of its own). */
export function continuationLines(runs: readonly SecretContinuation[]): Set<number> {
  const lines = new Set<number>();
  for (const run of runs) for (let line = run.line; line <= run.endLine; line++) lines.add(line);
  return lines;
}

/**
 * Every string of the runs that a message could quote: each line's text, and the key and value a reader makes of it
 * (those with a letter or digit: base64 padding such as "==" is no secret, and masking it would hide every "=").
 */
export function continuationSecrets(runs: readonly SecretContinuation[]): string[] {
  return runs.flatMap((run) =>
    run.statements.flatMap((statement) => {
      const texts = [statement.text, statement.text.trim()];
      if (statement.kind === 'entry') texts.push(statement.key, statement.rawValue ?? '', statement.value ?? '');
      if (statement.kind === 'invalid') texts.push(statement.key ?? '', invalidValueText(statement));
      return texts.filter((text) => /[\p{L}\p{N}]/u.test(text));
    }),
  );
}
