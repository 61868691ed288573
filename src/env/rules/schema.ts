/** Rules checking .env against the template: missing and empty required keys, unknown keys, wrong types, duplicates. */
import { closestKey } from '../suggest.js';
import type { KeySpec } from '../template.js';
import { describeValueType, matchesValueType } from '../value-types.js';
import { assignedEntries, type EnvRule, envFinding, lastEntries, shownValue } from './context.js';
import { keyNameProblem } from './key-names.js';

/** The example to suggest for a key: the template's, but never a secret one. */
function exampleFor(spec: KeySpec): string {
  return spec.secret || spec.example === '' ? '<your value>' : spec.example;
}

/** env/missing-key: a required key no line sets (pointing at a likely misspelling when there is one). */
const missingKey: EnvRule = (input) => {
  const setKeys = new Set(
    input.parsed.statements.flatMap((statement) =>
      statement.kind === 'comment' || statement.key === null || input.continuationLines.has(statement.line) ? [] : [statement.key],
    ),
  );
  const unknown = [...setKeys].filter((key) => !input.schema.keys.has(key));
  return [...input.schema.keys.values()]
    .filter((spec) => spec.required && !setKeys.has(spec.key))
    .map((spec) => {
      const misspelt = unknown.find((key) => closestKey(key, [spec.key]) === spec.key);
      const hint = misspelt ? `Is ${misspelt} meant to be ${spec.key}? Otherwise add ${spec.key}=${exampleFor(spec)}.` : `Add ${spec.key}=${exampleFor(spec)}.`;
      return envFinding(input, 'missing-key', 'error', null, `${spec.key} is required (${input.files.template}:${spec.line}) but missing.`, hint);
    });
};

/** env/empty-value: a required key whose value (as Flask gets it) is empty. */
const emptyValue: EnvRule = (input) =>
  [...lastEntries(input.parsed).values()].flatMap((entry) => {
    const spec = input.schema.keys.get(entry.key);
    if (!spec?.required || entry.value === null || input.values.get(entry.key) !== '') return [];
    return [
      envFinding(input, 'empty-value', 'error', entry.line, `${entry.key} is required but empty.`, `Set a value, e.g. ${entry.key}=${exampleFor(spec)}.`),
    ];
  });

/** env/unknown-key: a key the template does not define (first line only), with "did you mean". */
const unknownKey: EnvRule = (input) => {
  const reported = new Set<string>();
  return assignedEntries(input).flatMap((entry) => {
    if (input.schema.keys.has(entry.key) || keyNameProblem(entry.key, input.schema) || reported.has(entry.key)) return [];
    reported.add(entry.key);
    const suggestion = closestKey(entry.key, input.schema.keys.keys());
    const message = `${entry.key} is not in ${input.files.template}${suggestion ? ` — did you mean ${suggestion}?` : '.'}`;
    const hint = suggestion ? `Rename it to ${suggestion}.` : `Add it to ${input.files.template} (documented, with an example value), or delete it.`;
    return [envFinding(input, 'unknown-key', 'error', entry.line, message, hint)];
  });
};

/** env/wrong-type: a non-empty value (as Flask gets it) that is not of the key's type. */
const wrongType: EnvRule = (input) =>
  [...lastEntries(input.parsed).values()].flatMap((entry) => {
    const spec = input.schema.keys.get(entry.key);
    const value = input.values.get(entry.key);
    if (!spec || value === undefined || value === '' || matchesValueType(value, spec.type)) return [];
    const example = spec.secret || spec.example === '' ? '' : ` (the template has ${spec.example})`;
    return [
      envFinding(
        input,
        'wrong-type',
        'error',
        entry.line,
        `${entry.key} must be ${describeValueType(spec.type)}, found ${shownValue(input, entry.key, value)}.`,
        `Write ${describeValueType(spec.type)}${example}.`,
      ),
    ];
  });

/** env/duplicate-key: every repeat of a key after its first line. */
const duplicateKey: EnvRule = (input) => {
  const first = new Map<string, number>();
  return assignedEntries(input).flatMap((entry) => {
    const firstLine = first.get(entry.key);
    if (firstLine === undefined) {
      first.set(entry.key, entry.line);
      return [];
    }
    return [
      envFinding(
        input,
        'duplicate-key',
        'error',
        entry.line,
        `${entry.key} is set again (first on line ${firstLine}) — every reader keeps only the last one, so line ${firstLine} is ignored.`,
        'Delete one of the two lines.',
      ),
    ];
  });
};

/** Every schema rule. */
export const schemaRules: EnvRule[] = [missingKey, emptyValue, unknownKey, wrongType, duplicateKey];
