// Schema problems name their key and what was found without printing a control character or a huge value raw.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/errors.js';
import { parseTovrunYaml } from '../../src/workspace/load.js';
import { validateSchema } from '../../src/workspace/schema.js';
import { configError } from './support.js';

describe('schema problems', () => {
  it('escape a bad service name in the key path of another problem, and an unknown key', () => {
    const error = configError(() => parseTovrunYaml('services:\n  "x\\e[31m":\n    port: "five"\n    "p\\e]0;t\\a": 1\n', 'tovrun.yaml'));
    const printed = formatError(error, false);
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(printed).toContain('services."x\\u001b[31m".port: found string "five", expected integer');
    expect(printed).toContain('found unknown key "p\\u001b]0;t\\u0007"');
  });

  it('shorten a huge string value', () => {
    const [problem] = validateSchema('x'.repeat(100_000), { type: 'string', pattern: '^y' });
    expect(problem?.found).toBe(`string "${'x'.repeat(80)}…" (100000 characters)`);
  });
});
