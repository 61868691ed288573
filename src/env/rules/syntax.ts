/** Syntax rules of the dotenv-linter family: lines without `=`, unparseable lines, spaces, unquoted values, trailing blanks. */

import type { EnvInvalid } from '../parse.js';
import { portableHint } from '../portable-hints.js';
import { readingOf } from '../readers/readings.js';
import { type EnvRule, type EnvRuleInput, envFinding } from './context.js';
import { describeReadings } from './reading-text.js';

/** env/secret-continuation: lines after a secret key's line that are no assignment (a PEM body, a wrapped token); their text is never shown. */
const secretContinuation: EnvRule = (input) =>
  input.continuations.map((run) => {
    const lines = run.line === run.endLine ? `line ${run.line} continues` : `lines ${run.line}-${run.endLine} continue`;
    const message = `${lines} ${run.key}'s value on a new line (the text is hidden: it is part of a secret) — Flask and docker compose read only the first line, and Vite reads the others as keys.`;
    const hint = `Put the whole value in double quotes, line breaks included (${run.key}="…" over several lines), or write it on one line with \\n for each line break.`;
    return envFinding(input, 'secret-continuation', 'error', run.line, message, hint);
  });

/** env/missing-equals: a bare KEY line. */
const missingEquals: EnvRule = (input) => {
  const skipped = input.continuationLines;
  return input.parsed.entries
    .filter((entry) => entry.value === null && !skipped.has(entry.line))
    .map((entry) =>
      envFinding(
        input,
        'missing-equals',
        'error',
        entry.line,
        `${entry.key} has no "=" — Flask ignores it, and Vite's parser joins it with the next line's key.`,
        `Write ${entry.key}=<value>, or delete the line.`,
      ),
    );
};

function unparseable(input: EnvRuleInput, statement: EnvInvalid): string {
  const skipped = 'Flask (python-dotenv) cannot parse this line and skips it';
  if (statement.key === null) return `${skipped}.`;
  const key = statement.key;
  const others = describeReadings({ vite: readingOf(input.readings.vite, key), compose: readingOf(input.readings.compose, key) }, input.secretKeys.has(key));
  return `${skipped}, so Flask does not get ${key}; ${others}.`;
}

/** env/unparseable-line: python-dotenv rejects the statement (text after a closing quote, an unclosed quote...). */
const unparseableLine: EnvRule = (input) => {
  const skipped = input.continuationLines;
  return input.parsed.statements
    .filter((statement): statement is EnvInvalid => statement.kind === 'invalid' && !skipped.has(statement.line))
    .map((statement) => {
      const disagreement = input.disagreements.find((item) => item.line === statement.line);
      const hint = disagreement ? portableHint(disagreement) : 'Write the line as KEY=value; quote values with spaces, # or quotes in them.';
      return envFinding(input, 'unparseable-line', 'error', statement.line, unparseable(input, statement), hint);
    });
};

/** Whether line assigns key with spaces around "=" (`KEY = v`, `KEY= v`); no pattern is built from the key, which may be any length. */
function hasSpacedEquals(line: string, key: string): boolean {
  const start = line.trimStart();
  const exported = /^export\s+/.exec(start);
  const candidates = exported ? [start, start.slice(exported[0].length)] : [start];
  return candidates.some((rest) => rest.startsWith(key) && /^(?:[ \t]+=|=[ \t]+[^\s#])/.test(rest.slice(key.length)));
}

/** env/space-around-equals and env/unquoted-spaces (warnings: the three readers cope, shells and other tools do not). */
const spacing: EnvRule = (input) => {
  const skipped = input.continuationLines;
  return input.parsed.entries.flatMap((entry) => {
    if (skipped.has(entry.line)) return [];
    const found = [];
    const firstLine = input.parsed.lines[entry.line - 1] ?? '';
    if (entry.value !== null && hasSpacedEquals(firstLine, entry.key)) {
      found.push(
        envFinding(
          input,
          'space-around-equals',
          'warn',
          entry.line,
          `${entry.key} has spaces around "=" — shells, docker run --env-file and many tools read them as part of the key or value.`,
          `Write ${entry.key}=value with no spaces around "=".`,
        ),
      );
    }
    if (entry.quote === null && entry.value !== null && /\s/.test(entry.value)) {
      found.push(
        envFinding(
          input,
          'unquoted-spaces',
          'warn',
          entry.line,
          `${entry.key}'s value has spaces but no quotes — a shell or docker run --env-file reads it differently.`,
          `Quote it: ${entry.key}="..."`,
        ),
      );
    }
    return found;
  });
};

/** env/trailing-whitespace on any line, except inside a multi-line quoted value. */
const trailingWhitespace: EnvRule = (input) => {
  const insideValues = input.continuationLines;
  for (const entry of input.parsed.entries) for (let line = entry.line; line < entry.endLine; line++) insideValues.add(line);
  return input.parsed.lines.flatMap((text, index) => {
    const line = index + 1;
    if (insideValues.has(line) || !/\S[ \t]+$/.test(text)) return [];
    return [
      envFinding(
        input,
        'trailing-whitespace',
        'warn',
        line,
        `line ${line} ends in spaces or tabs — invisible, and kept in the value by some tools.`,
        'Delete the trailing whitespace.',
      ),
    ];
  });
};

/** Every syntax rule. */
export const syntaxRules: EnvRule[] = [secretContinuation, missingEquals, unparseableLine, spacing, trailingWhitespace];
