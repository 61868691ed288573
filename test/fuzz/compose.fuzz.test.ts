// Fuzzing compose input: random and mutated compose files and `${}` expressions never make the compose validator,
// the model reader or the check's variable scan throw anything but a TovrunError, and never make them slow.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCompose } from '../../src/check/compose.js';
import { readComposeModel, validateComposeFile } from '../../src/compose/index.js';
import { collectComposeVariables } from '../../src/compose/variables.js';
import { interpolateCompose } from '../../src/env/readers/compose-interpolation.js';
import { awkwardChars, corpus, guarded, mutated, params, repoRoot, runs, textOf, WorkerGuard } from './support.js';

const file = 'docker-compose.yml';
const composeFiles = [
  readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'),
  ...corpus(path.join(repoRoot, 'test', 'fixtures'), (name) => /^(docker-)?compose.*\.ya?ml$/.test(name)).map(([, text]) => text),
  'services:\n  web:\n    image: nginx:${TAG:-latest}\n    ports: ["${PORT:-8080}:80", "127.0.0.1:9000-9001:9000-9001/udp", 53]\n    profiles: [web]\n',
];

/** Pieces of compose files: keys of the specification, interpolation forms and YAML indicators. */
const composeFragments = fc.oneof(
  { weight: 3, arbitrary: awkwardChars },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ': ',
      '- ',
      '\n',
      '\n  ',
      '\n    ',
      '\n      ',
      '{',
      '}',
      '[',
      ']',
      ', ',
      '&a ',
      '*a',
      '<<: ',
      '!!str ',
      '!!binary ',
      '!!set ',
      '!!omap ',
      '!!timestamp ',
      '|',
      '>',
      '---',
      '#',
      '"',
      "'",
      '~',
      'null',
      'true',
      '.inf',
      '1e400',
      '-1',
      '65536',
      '2001-12-14',
      'services',
      'image',
      'build',
      'context',
      'ports',
      'profiles',
      'environment',
      'env_file',
      'healthcheck',
      'test',
      'disable',
      'depends_on',
      'condition',
      'required',
      'volumes',
      'networks',
      'name',
      'include',
      'develop',
      'start_interval',
      'x-common',
      'published',
      'target',
      'command',
      '${',
      '${A}',
      '${A:-d}',
      '${A-d}',
      '${A:?err}',
      '${A?err}',
      '${A:+alt}',
      '${A+alt}',
      '$A',
      '$$',
      '${A:-${B:-c}}',
      '${}',
      '${1}',
      '${A:x}',
      '"8080:80"',
      '127.0.0.1:80:80/tcp',
      '80-81:80-81',
      '__proto__',
      'constructor',
    ),
  },
);
const composeText = fc.oneof(
  { weight: 3, arbitrary: mutated(composeFiles, composeFragments) },
  { weight: 2, arbitrary: textOf(composeFragments, 60) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);
const envValues = fc.dictionary(
  fc.constantFrom('A', 'B', 'TAG', 'PORT', 'TEST_IMAGE', 'POSTGRES_PORT', 'POSTGRES_PASSWORD'),
  fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', '${A}', '$$', '8080')),
);
const templateKeys = fc.array(fc.constantFrom('A', 'B', 'TAG', 'PORT', 'TEST_IMAGE'), { maxLength: 4 });

/** `${}` expressions: names, operators, nesting, stray `$` and braces. */
const interpolationText = textOf(
  fc.oneof(fc.constantFrom('$', '$$', '${', '}', '{', ':', '-', '?', '+', ':-', ':?', ':+', 'A', 'B_1', '1', ' ', '\\', '"', 'é', '\n'), awkwardChars),
  40,
);

describe('fuzz: compose files never throw an untyped error and never hang', () => {
  it('validateComposeFile returns problems for any text', () => {
    fc.assert(
      fc.property(composeText, envValues, templateKeys, (text, env, keys) => {
        const outcome = guarded('validateComposeFile', text, () => validateComposeFile(text, file, env, keys));
        if (outcome.ok) expect(Array.isArray(outcome.value)).toBe(true);
      }),
      params(runs.normal),
    );
  });

  it('readComposeModel reads any text into a model or a ConfigError', () => {
    fc.assert(
      fc.property(composeText, envValues, (text, env) => {
        guarded('readComposeModel', text, () => readComposeModel(text, file, (name) => env[name]));
      }),
      params(runs.normal),
    );
  });

  it("the check's compose parse and variable scan never throw", () => {
    fc.assert(
      fc.property(composeText, (text) => {
        guarded('parseCompose + collectComposeVariables', text, () => {
          const parsed = parseCompose(text, file);
          if ('doc' in parsed) collectComposeVariables(parsed.doc, parsed.lines, parsed.source);
        });
      }),
      params(runs.normal),
    );
  });

  it('interpolateCompose answers ok or an error for any value', () => {
    fc.assert(
      fc.property(interpolationText, envValues, (text, env) => {
        const outcome = guarded('interpolateCompose', text, () => interpolateCompose(text, (name) => env[name]));
        if (outcome.ok) expect(typeof outcome.value.ok).toBe('boolean');
      }),
      params(runs.many),
    );
  });
});

describe('fuzz: hostile compose files stay fast and typed (hard guard: a worker terminated on a hang)', () => {
  const guard = new WorkerGuard();
  afterAll(() => guard.stop());
  const all = async (text: string) => {
    await guard.call('validateComposeFile', [text]);
    await guard.call('readComposeModel', [text]);
    await guard.call('composeCheckScan', [text]);
  };

  it('an alias used before its anchor, or never anchored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('services: *a\n', 'services:\n  web: *x\n', 'a: *a\n', 'x: &a [*a]\n', 'services:\n  <<: *m\n'), all),
      params(5),
    );
  });

  it('anchors and aliases that expand exponentially', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 }), async (width, depth) => {
        const lines = ['x-a0: &a0 ["${A}", "x"]'];
        for (let level = 1; level <= depth; level++)
          lines.push(
            `x-a${level}: &a${level} [${Array(width)
              .fill(`*a${level - 1}`)
              .join(', ')}]`,
          );
        await all(`${lines.join('\n')}\nservices:\n  web:\n    image: x\n    command: *a${depth}\n`);
      }),
      params(15, { slow: true }),
    );
  }, 60_000);

  it('deep YAML nesting and long runs of one YAML token', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 300, max: 2_000 }), async (times) => {
        // Every unit at each drawn length: a random pick of units would miss one now and then.
        for (const unit of ['[', '{', '- ', '? ', '? [', '{a: ', 'a: ', '&a ', '"', '- ? ']) {
          await all(`services:\n  web:\n    image: ${unit.repeat(times)}\n`);
          await all(unit.repeat(times));
        }
      }),
      params(2, { slow: true }),
    );
  }, 60_000);

  it('deeply nested `${A:-${A:-…}}` defaults and long runs of `$`, `{` and `}`', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1_000, max: 20_000 }), fc.boolean(), async (times, closed) => {
        for (const unit of ['${A:-', '${A-', '${A:+', '${A:?', '${', '$', '{', '$$', '}', '$A']) {
          const value = unit.repeat(times) + (closed ? '}'.repeat(times) : '');
          await guard.call('interpolateCompose', [value]);
          await all(`services:\n  web:\n    image: '${value}'\n`);
        }
      }),
      params(4, { slow: true }),
    );
  }, 60_000);
});
