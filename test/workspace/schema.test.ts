// Schema problems name their key and what was found without printing a control character or a huge value raw.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/errors.js';
import { parseTovrunYaml } from '../../src/workspace/load.js';
import { tovrunYamlProblems } from '../../src/workspace/schema.js';
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
    const [problem] = tovrunYamlProblems({ python: { minVersion: 'x'.repeat(100_000) } });
    expect(problem?.found).toBe(`string "${'x'.repeat(80)}…" (100000 characters)`);
  });
});

describe('tovrunYamlProblems (the validator compiled ahead by scripts/compile-schemas.mjs)', () => {
  it('says a wrong type once, not also the bound it breaks, in the order of the file', () => {
    const problems = tovrunYamlProblems({ services: { api: { prot: 1, port: -1.5 } }, panes: 'x' });
    expect(problems.map((problem) => [problem.path.join('.'), problem.found, problem.expected])).toEqual([
      ['services.api.prot', 'unknown key "prot"', expect.stringMatching(/^one of the keys type, enabled, dir, port,/)],
      ['services.api.port', 'number -1.5', 'integer'],
      ['panes', 'string "x"', 'one of "auto", "prefix", "tmux", "windows", "tui"'],
    ]);
  });

  it("names YAML's .inf and .nan as they are written where the schema wants a bounded number or an integer", () => {
    const error = configError(() => parseTovrunYaml('compose:\n  healthTimeout: .nan\nservices:\n  api:\n    port: .inf\n', 'tovrun.yaml'));
    expect(error.message).toBe(
      'compose.healthTimeout: found number NaN, expected a number >= 0.\n  also line 5: services.api.port: found number Infinity, expected a number <= 65535',
    );
    expect(error.location?.line).toBe(2);
  });

  it('names a bad crash-loop setting or watch glob with what it expects', () => {
    const yaml = 'services:\n  worker:\n    type: command\n    command: node w.js\n    watch: src/*.js\n    restart: { crashLimit: 0, crashWindow: 0 }\n';
    const error = configError(() => parseTovrunYaml(yaml, 'tovrun.yaml'));
    expect(error.message).toBe(
      [
        'services.worker.watch: found string "src/*.js", expected array.',
        '  also line 6: services.worker.restart.crashLimit: found integer 0, expected a number >= 1',
        '  also line 6: services.worker.restart.crashWindow: found integer 0, expected a number > 0',
      ].join('\n'),
    );
    expect(error.location?.line).toBe(5);
  });

  it('leaves a bad service name to the service rules (their message names the rule)', () => {
    expect(tovrunYamlProblems({ services: { 'a/b': { type: 'command', command: 'x' } } })).toEqual([]);
  });
});
