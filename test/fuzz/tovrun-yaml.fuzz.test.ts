// Fuzzing tovrun.yaml: random YAML, random values of the schema's shape and mutations of valid configurations never
// make parseTovrunYaml or loadWorkspace throw anything but a TovrunError, and never make them slow.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError } from '../../src/errors.js';
import { loadWorkspace, parseTovrunYaml } from '../../src/workspace/load.js';
import { awkwardChars, corpus, guarded, longRun, mutated, params, repoRoot, runs, textOf, WorkerGuard } from './support.js';

const file = '/ws/tovrun.yaml';

/** Valid configurations: the repository's fixtures and the README's example. */
const validConfigs = [
  ...corpus(path.join(repoRoot, 'test', 'fixtures'), (name) => name === 'tovrun.yaml').map(([, text]) => text),
  [
    'services:',
    '  backend:',
    '    port: 5002',
    '    env: { FLASK_APP: app.py }',
    '  worker:',
    '    type: command',
    '    command: node worker.js',
    '    restart: { policy: on-failure, maxRetries: 3 }',
  ].join('\n'),
  [
    'version: 1',
    'preset: none',
    'python: { command: python3, minVersion: "3.11" }',
    'panes: prefix',
    'shutdownTimeout: 2.5',
    'compose: { file: compose.yml, profiles: [local-db], healthTimeout: 30 }',
    'services:',
    '  api:',
    '    type: python',
    '    dir: api',
    '    port: 8000',
    '    command: ["python", "-m", "uvicorn", "app:app", "--port", "{port}"]',
    '    probe: { http: /health, timeout: 10 }',
    '    venv: .venv',
    '    requirements: requirements-dev.txt',
    '    depends_on: { db: healthy }',
    '  web:',
    '    type: node',
    '    dir: web',
    '    port: 3000',
    '    command: vite --port {port}',
    '    probe: { log: "ready in \\\\d+" }',
    '    legacyPeerDeps: true',
    '    ignoreScripts: false',
    '  db:',
    '    type: command',
    '    enabled: false',
    '    command: [postgres]',
    '    probe: { tcp: 5432 }',
  ].join('\n'),
];

/** Pieces of YAML: indicators, anchors and aliases, tags, block scalars, flow collections, schema keys and values. */
const yamlFragments = fc.oneof(
  { weight: 3, arbitrary: awkwardChars },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ': ',
      ':',
      '- ',
      '-',
      '\n',
      '\n  ',
      '\n    ',
      '  ',
      '? ',
      '{',
      '}',
      '[',
      ']',
      ', ',
      '&a ',
      '*a',
      '&b ',
      '*b',
      '<<: ',
      '!!str ',
      '!!int ',
      '!!binary ',
      '!!set ',
      '!!omap ',
      '!!map ',
      '!!seq ',
      '!!float ',
      '!!timestamp ',
      '!custom ',
      '|',
      '|-',
      '>',
      '>+',
      '---',
      '...',
      '%YAML 1.1\n',
      '%TAG ! tag:x,2000:\n',
      '#',
      '"',
      "'",
      '~',
      'null',
      'true',
      'false',
      'yes',
      'no',
      '.inf',
      '-.inf',
      '.nan',
      '0x1F',
      '0o17',
      '1e400',
      '-1',
      '0',
      '65536',
      '2001-12-14',
      'version',
      'preset',
      'tovplay',
      'none',
      'python',
      'command',
      'minVersion',
      'panes',
      'prefix',
      'shutdownTimeout',
      'compose',
      'file',
      'profiles',
      'healthTimeout',
      'services',
      'backend',
      'frontend',
      '__proto__',
      'constructor',
      'toString',
      'type',
      'node',
      'enabled',
      'dir',
      'port',
      'env',
      'probe',
      'http',
      'tcp',
      'log',
      'timeout',
      'restart',
      'policy',
      'on-failure',
      'maxRetries',
      'backoff',
      'depends_on',
      'healthy',
      'started',
      'venv',
      'requirements',
      'legacyPeerDeps',
      'ignoreScripts',
      '{port}',
      '(',
      '\\d+',
    ),
  },
);

/** Values of the schema's shape: right keys with right or wrong values (wrong about one time in five). */
const anyScalar = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const wrongOr = <T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: right },
    { weight: 1, arbitrary: fc.oneof(anyScalar, fc.array(anyScalar, { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), anyScalar, { maxKeys: 2 })) },
  );
const someString = fc.oneof(fc.constantFrom('', '.', '..', '/', '/etc', 'a b', '{port}', '(', 'ready', 'x'.repeat(300)), fc.string({ maxLength: 12 }));
const probe = fc.record(
  {
    http: wrongOr(someString),
    tcp: wrongOr(fc.integer({ min: -1, max: 70_000 })),
    log: wrongOr(someString),
    timeout: wrongOr(fc.oneof(fc.double({ min: -1, max: 1e9 }), fc.constant(Number.MAX_VALUE))),
  },
  { requiredKeys: [] },
);
const service = fc.record(
  {
    type: wrongOr(fc.constantFrom('python', 'node', 'command')),
    enabled: wrongOr(fc.boolean()),
    dir: wrongOr(someString),
    port: wrongOr(fc.integer({ min: -1, max: 70_000 })),
    command: wrongOr(fc.oneof(someString, fc.array(someString, { maxLength: 4 }))),
    env: wrongOr(fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean()), { maxKeys: 3 })),
    probe: wrongOr(probe),
    restart: wrongOr(
      fc.record(
        { policy: wrongOr(fc.constantFrom('no', 'on-failure')), maxRetries: wrongOr(fc.nat()), backoff: wrongOr(fc.double({ min: 0, max: 1e6 })) },
        { requiredKeys: [] },
      ),
    ),
    depends_on: wrongOr(fc.dictionary(fc.string({ maxLength: 6 }), fc.constantFrom('started', 'healthy'), { maxKeys: 2 })),
    venv: wrongOr(someString),
    requirements: wrongOr(someString),
    legacyPeerDeps: wrongOr(fc.boolean()),
    ignoreScripts: wrongOr(fc.boolean()),
  },
  { requiredKeys: [] },
);
const serviceName = fc.oneof(
  fc.constantFrom('backend', 'frontend', 'worker', '__proto__', 'constructor', 'hasOwnProperty', '', ' ', 'a.b', '0'),
  fc.string({ maxLength: 8 }),
);
const config = fc.record(
  {
    version: wrongOr(fc.constant(1)),
    preset: wrongOr(fc.constantFrom('tovplay', 'none')),
    python: wrongOr(fc.record({ command: wrongOr(someString), minVersion: wrongOr(fc.constantFrom('3.10', '3', '3.10.1', 'x')) }, { requiredKeys: [] })),
    panes: wrongOr(fc.constantFrom('auto', 'prefix', 'tmux', 'windows')),
    shutdownTimeout: wrongOr(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(Number.POSITIVE_INFINITY))),
    compose: wrongOr(
      fc.record(
        { file: wrongOr(someString), profiles: wrongOr(fc.array(someString, { maxLength: 3 })), healthTimeout: wrongOr(fc.double({ min: 0, max: 1e6 })) },
        { requiredKeys: [] },
      ),
    ),
    services: wrongOr(fc.dictionary(serviceName, service, { maxKeys: 4 })),
  },
  { requiredKeys: [] },
);

/** A file source holding only /ws/tovrun.yaml (and, for the TovPlay preset, nothing else). */
function memorySource(text: string) {
  return { exists: (name: string) => name === file, readText: (name: string) => (name === file ? text : '') };
}

function yamlOf(value: unknown): string {
  try {
    return stringify(value);
  } catch {
    return '{}';
  }
}

describe('fuzz: tovrun.yaml never throws an untyped error and never hangs', () => {
  it('parseTovrunYaml on random YAML-ish text: a config or a ConfigError naming the file', () => {
    fc.assert(
      fc.property(textOf(yamlFragments, 60), (text) => {
        const outcome = guarded('parseTovrunYaml', text, () => parseTovrunYaml(text, file));
        if (!outcome.ok) {
          expect(outcome.error).toBeInstanceOf(ConfigError);
          expect(outcome.error.location?.file).toBe(file);
        }
      }),
      params(runs.many),
    );
  });

  it('parseTovrunYaml on mutations of valid configurations', () => {
    fc.assert(
      fc.property(mutated(validConfigs, yamlFragments), (text) => {
        guarded('parseTovrunYaml', text, () => parseTovrunYaml(text, file));
      }),
      params(runs.many),
    );
  });

  it('parseTovrunYaml and loadWorkspace on values of the schema shape (right and wrong types)', () => {
    fc.assert(
      fc.property(config, (value) => {
        const text = yamlOf(value);
        const parsed = guarded('parseTovrunYaml', text, () => parseTovrunYaml(text, file));
        const loaded = guarded('loadWorkspace', text, () => loadWorkspace('/ws', memorySource(text)));
        // Whatever parses also loads or fails with a TovrunError (a service without type or command, say).
        if (!parsed.ok) expect(loaded.ok).toBe(false);
      }),
      params(runs.normal),
    );
  });

  it('parseTovrunYaml on any JSON-like value written as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = yamlOf(value);
        guarded('parseTovrunYaml', text, () => parseTovrunYaml(text, file));
      }),
      params(runs.quick),
    );
  });
});

describe('fuzz: large and hostile tovrun.yaml stays fast and typed (hard guard: a worker terminated on a hang)', () => {
  const guard = new WorkerGuard();
  afterAll(() => guard.stop());

  it('anchors and aliases that expand exponentially, and aliases without an anchor', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), async (width, depth, anchored) => {
        const lines = [`${anchored ? '' : 'x: *b\n'}a0: &a0 [${Array(width).fill('"x"').join(', ')}]`];
        for (let level = 1; level <= depth; level++)
          lines.push(
            `a${level}: &a${level} [${Array(width)
              .fill(`*a${level - 1}`)
              .join(', ')}]`,
          );
        const text = `${lines.join('\n')}\n`;
        await guard.call('parseTovrunYaml', [text]);
        await guard.call('loadWorkspace', [text]);
      }),
      params(20, { slow: true }),
    );
  }, 60_000);

  // Every unit at each drawn length: a random pick of units would miss one now and then.
  const nestingUnits = ['[', '{', '- ', '  ', 'a: ', '"', "'", '#', '&a ', '*a ', '? ', ': ', '\\', '!!str ', '? [', '{a: ', '- ? '];

  it('deep nesting and long runs of one YAML token', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 300, max: 3_000 }), async (times) => {
        for (const unit of nestingUnits) await guard.call('parseTovrunYaml', [unit.repeat(times)]);
      }),
      params(3, { slow: true }),
    );
  }, 60_000);

  it('one very long value', async () => {
    await fc.assert(
      fc.asyncProperty(longRun(fc.constantFrom(' ', 'a', '{port}', '$', '\\', '"', "'")), async (run) => {
        const text = `services:\n  w:\n    type: command\n    command: 'x ${run.replaceAll("'", "''")} y'\n`;
        await guard.call('loadWorkspace', [text]);
      }),
      params(10, { slow: true }),
    );
  }, 60_000);
});
