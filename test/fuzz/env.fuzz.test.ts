// Fuzzing the .env readers: random and mutated .env and .env.template text never makes parseEnv, parseEnvTemplate,
// checkEnv or resolveEnvValues throw anything but a TovrunError, and no input makes them slow.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEnv } from '../../src/env/check.js';
import { resolveEnvValues } from '../../src/env/load.js';
import { parseEnv } from '../../src/env/parse.js';
import { parseEnvTemplate } from '../../src/env/template.js';
import { awkwardChars, corpus, guarded, longRun, mutated, params, repoRoot, runs, textOf, WorkerGuard } from './support.js';

const envCorpus = corpus(path.join(repoRoot, 'test', 'fixtures', 'env'), (name) => name.endsWith('.env')).map(([, text]) => text);
const templateCorpus = [
  ...corpus(path.join(repoRoot, 'test', 'fixtures'), (name) => name === '.env.template'),
  ...corpus(path.join(repoRoot, 'templates', 'demo'), (name) => name === '.env.template'),
].map(([, text]) => text);
templateCorpus.push(readFileSync(path.join(repoRoot, '.env.template'), 'utf8'));

/** Pieces of .env lines: keys, `export`, `=`, quotes, interpolation, comments, escapes, annotations. */
const envFragments = fc.oneof(
  { weight: 4, arbitrary: awkwardChars },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'KEY',
      'DATABASE_URL',
      'SECRET_KEY',
      'VITE_API_URL',
      'FLASK_ENV',
      'PORT',
      'lower',
      '1BAD',
      'A-B',
      'export ',
      'export\t',
      '=',
      ' = ',
      '="',
      "='",
      '"',
      "'",
      '${',
      '${KEY}',
      '${KEY:-d}',
      '${KEY:?err}',
      '${KEY:+alt}',
      '${KEY-d}',
      '$KEY',
      '$$',
      '\\$',
      '\\"',
      "\\'",
      '\\\\',
      '\\n',
      ' #',
      ' # note',
      '#',
      '\n',
      '\r\n',
      'production',
      'postgres://u:p@h:5432/db',
      'a@b.co',
      '# @required',
      '# @optional',
      '# @secret',
      '# @type=',
      'int',
      'port',
      'bool',
      'url',
      'email',
      'string',
      'enum(',
      'one-of(',
      '|',
      ')',
      '# KEY=',
      '#KEY=1',
      'KEY=1\n',
      'changeme',
      'true',
      '65536',
      '0',
      // The lines of an unquoted PEM body under a secret key, and base64 padding that reads as an assignment.
      '-----BEGIN PRIVATE KEY-----\n',
      'MIIEvQIBADANBgkqhkiG9w0B\n',
      'QUJD==\n',
      'AbCd=\n',
      '-----END PRIVATE KEY-----',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** Whole .env-like lines: `KEY=value` with an awkward value, a comment, or noise. */
const envLine = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', 'export '),
      fc.constantFrom('A', 'B_2', 'SECRET_KEY', 'VITE_X', 'bad-key', ''),
      fc.constantFrom('=', ' = ', '', '=='),
      textOf(envFragments, 8),
    )
    .map((parts) => parts.join('')),
  textOf(envFragments, 10).map((text) => `# ${text}`),
  textOf(envFragments, 12),
);
const envText = fc.oneof(
  { weight: 3, arbitrary: fc.array(envLine, { maxLength: 25 }).chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol))) },
  { weight: 2, arbitrary: textOf(envFragments, 80) },
  { weight: 3, arbitrary: mutated(envCorpus, envFragments) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);
const templateText = fc.oneof(
  { weight: 3, arbitrary: mutated(templateCorpus, envFragments) },
  { weight: 1, arbitrary: fc.constantFrom(...templateCorpus) },
  { weight: 1, arbitrary: envText },
);
const environment = fc.dictionary(fc.constantFrom('A', 'KEY', 'SECRET_KEY', 'VITE_X', 'HOME', 'PATH'), fc.string({ maxLength: 12 }));

function check(env: string | null, template: string) {
  return checkEnv({ envText: env, templateText: template, templatePath: '/ws/.env.template', files: { env: '.env', template: '.env.template', root: '/ws' } });
}

describe('fuzz: .env parsing never throws an untyped error and never hangs', () => {
  it('parseEnv reads any text into statements whose lines lie inside the file', () => {
    fc.assert(
      fc.property(envText, (text) => {
        const outcome = guarded('parseEnv', text, () => parseEnv(text));
        if (!outcome.ok) return;
        const parsed = outcome.value;
        for (const statement of parsed.statements) {
          expect(statement.line).toBeGreaterThanOrEqual(1);
          expect(statement.endLine).toBeGreaterThanOrEqual(statement.line);
          expect(statement.endLine).toBeLessThanOrEqual(parsed.lines.length);
        }
        expect(parsed.entries.every((entry) => parsed.statements.includes(entry))).toBe(true);
      }),
      params(runs.many),
    );
  });

  it('parseEnvTemplate accepts a template or throws a ConfigError with the template file', () => {
    fc.assert(
      fc.property(templateText, (text) => {
        const outcome = guarded('parseEnvTemplate', text, () => parseEnvTemplate(text, '/ws/.env.template'));
        if (!outcome.ok) expect(outcome.error.location?.file).toBe('/ws/.env.template');
      }),
      params(runs.normal),
    );
  });

  it('checkEnv returns findings (or a ConfigError for a broken template) for any .env and template', () => {
    fc.assert(
      fc.property(fc.option(envText, { nil: null, freq: 10 }), templateText, (env, template) => {
        const outcome = guarded('checkEnv', `${env ?? '<no .env>'}\n---template---\n${template}`, () => check(env, template));
        if (outcome.ok) expect(outcome.value.findings.length).toBeGreaterThan(0);
      }),
      params(runs.normal),
    );
  });

  it('checkEnv against a valid template reads any .env without a ConfigError', () => {
    fc.assert(
      fc.property(
        envText,
        fc.constantFrom(...templateCorpus.filter((text) => guarded('parseEnvTemplate', text, () => parseEnvTemplate(text, 't')).ok)),
        (env, template) => {
          const outcome = guarded('checkEnv', env, () => check(env, template));
          expect(outcome.ok).toBe(true);
        },
      ),
      params(runs.normal),
    );
  });

  it('resolveEnvValues resolves any text against any environment', () => {
    fc.assert(
      fc.property(envText, environment, (text, env) => {
        guarded('resolveEnvValues', text, () => resolveEnvValues(text, env));
      }),
      params(runs.many),
    );
  });
});

/** Short units that, repeated into one long line, find quadratic regexes and nested-interpolation blow-ups. */
const longUnits = fc.constantFrom(
  ' ',
  '\t',
  ' a',
  'a ',
  '${',
  '${A:-',
  '${A',
  '$A',
  '$',
  '{',
  '}',
  '\\',
  '\\"',
  '"',
  "'",
  ' #',
  '#',
  '=',
  ':',
  'x',
  '\0',
  '😀',
  '\r',
  '|',
);

describe('fuzz: long and large .env inputs stay fast (hard guard: a worker terminated on a hang)', () => {
  const guard = new WorkerGuard();
  afterAll(() => guard.stop());
  const heads = fc.constantFrom('A=', 'A=x', 'A="', "A='", 'A="x', 'export A=x', 'A=${', '# ', '# @type=enum(', '');
  const tails = fc.constantFrom('', 'b', '"', "'", '}', ' # c', '#', '\n', ')');

  it('one very long line: parseEnv, resolveEnvValues, checkEnv and parseEnvTemplate', async () => {
    await fc.assert(
      fc.asyncProperty(heads, longRun(longUnits), tails, async (head, run, tail) => {
        const text = `${head}${run}${tail}\nA=x\n`;
        await guard.call('parseEnv', [text]);
        await guard.call('resolveEnvValues', [text]);
        await guard.call('checkEnv', [text, 'A=x\n']);
        await guard.call('parseEnvTemplate', [text]);
      }),
      params(40, { slow: true }),
    );
  }, 60_000);

  it('a long run of whitespace (or of `${`) between two other characters inside a value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('A=x', 'A="x', "A='x", 'A=${B:-x', '# x', 'export A=x'),
        longRun(fc.constantFrom(' ', '\t', ' \t', '\u00A0', '\v', '${', '${B:-'), 20_000, 40_000),
        fc.constantFrom('y', 'y"', "y'", 'y}', '\\'),
        async (head, run, tail) => {
          const text = `${head}${run}${tail}\n`;
          await guard.call('parseEnv', [text]);
          await guard.call('resolveEnvValues', [text]);
          await guard.call('checkEnv', [text, 'A=x\n']);
        },
      ),
      params(12, { slow: true }),
    );
  }, 60_000);

  it('a file of a few thousand keys: checkEnv and resolveEnvValues', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1_500, max: 3_000 }), fc.constantFrom('1', '${K0}', 'a b', '"q"', "'s'", ''), async (count, value) => {
        const text = Array.from({ length: count }, (_, index) => `K${index}=${value}`).join('\n');
        await guard.call('checkEnv', [text, 'K0=1\n']);
        await guard.call('resolveEnvValues', [text]);
      }),
      params(4, { slow: true }),
    );
  }, 60_000);
});
