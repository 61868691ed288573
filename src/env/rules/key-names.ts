/** Rules about key names: lowercase keys and characters that are not portable in variable names. */
import { closestKey } from '../suggest.js';
import type { EnvSchema } from '../template.js';
import { type EnvRule, envFinding } from './context.js';

/** What is wrong with a key's name, or null; keys the template defines are always fine. */
export function keyNameProblem(key: string, schema: EnvSchema): 'lowercase' | 'invalid' | null {
  if (schema.keys.has(key)) return null;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return 'invalid';
  return /[a-z]/.test(key) ? 'lowercase' : null;
}

/** env/lowercase-key and env/invalid-key, once per key (at its first line). */
export const keyNameRule: EnvRule = (input) => {
  const seen = new Set<string>();
  const skipped = input.continuationLines;
  return input.parsed.entries.flatMap((entry) => {
    if (skipped.has(entry.line)) return [];
    const problem = keyNameProblem(entry.key, input.schema);
    if (!problem || seen.has(entry.key)) return [];
    seen.add(entry.key);
    const suggestion = closestKey(entry.key, input.schema.keys.keys());
    const rename = suggestion ? `Rename it to ${suggestion}.` : `Write it with A-Z, 0-9 and _ only, and add it to ${input.files.template}.`;
    if (problem === 'lowercase') {
      return [
        envFinding(
          input,
          'lowercase-key',
          'error',
          entry.line,
          `${entry.key} has lowercase letters — variable names are case-sensitive, so no program looking for ${entry.key.toUpperCase()} sees it.`,
          rename,
        ),
      ];
    }
    return [
      envFinding(
        input,
        'invalid-key',
        'error',
        entry.line,
        `${entry.key} is not a portable variable name (A-Z, 0-9 and _, not starting with a digit) — shells cannot export it and compose cannot reference it.`,
        rename,
      ),
    ];
  });
};
