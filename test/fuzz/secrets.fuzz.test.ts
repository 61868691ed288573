// Fuzzing secrets: random secrets (printable, with @ : / spaces % quotes and non-ASCII characters) from .env, from
// tovrun's environment and from tovrun.yaml env: are printed by a service through the relay (splitter, prefix sink, log
// files; with and without colour, split by colour codes and across writes), put into `--dry-run`'s plan, and quoted by
// `check env` (human, --json, GitHub annotations; with lines continuing a secret). Every secret, and every suffix of it
// of 4 characters or more, must be absent from all of it. Secrets shorter than 4 characters are masked in tovrun's own
// messages as words of their own, and are not masked in relayed output at all (see the README), so for them the check
// is that no finding's message or hint holds them as a word.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import { runSecrets, runUpCommand, type UpOptions } from '../../src/commands/up.js';
import { loadEnvValues } from '../../src/env/load.js';
import { maskerForSecrets } from '../../src/env/mask.js';
import { escapeRegex } from '../../src/env/regex.js';
import { createPrefixSink } from '../../src/panes/index.js';
import { logFilePath } from '../../src/panes/log-files.js';
import { chooseDatabase, databaseOverrides } from '../../src/plan/database.js';
import { planLaunch } from '../../src/plan/launch.js';
import { platformFor } from '../../src/platform/platform.js';
import { plainText } from '../../src/text/ansi.js';
import { BlockSplitter } from '../../src/text/line-splitter.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { tempWorkspaces } from '../env/support/workspace.js';
import { chunked, cuts } from '../panes/output-model.js';
import { memoryContext } from '../support/memory-context.js';
import { params, runs } from './support.js';

const workspaces = tempWorkspaces();
afterAll(workspaces.removeAll);
const workspace = workspaces.make;

// Secrets end in a character tovrun's own words never hold (Q X Z J, or non-ASCII), so a suffix of 4 or more found in
// the output is a leak and never an ordinary word; no '*' (the mask), '$', '\', '`' or '#' (which readers interpret).
const secretChar = fc.constantFrom(...Array.from('QXZJKW0123456789@:/ %"\'é中😀ß-+.,!?='));
const secretEnd = fc.constantFrom(...Array.from('QXZJ中😀ß'));
const padding = fc.constantFrom('', '', ' ', '  ');

/** A secret of at least minLength characters (before padding), maybe with surrounding spaces. */
function secret(minLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(padding, fc.array(secretChar, { minLength: minLength - 1, maxLength: 20 }), secretEnd, padding)
    .map(([before, body, end, after]) => `${before}${body.join('')}${end}${after}`)
    .filter((value) => value.trim().length >= minLength);
}

/** The secret and its trimmed spelling, each with every suffix of 4 characters or more. */
function secretParts(value: string): string[] {
  const parts = new Set<string>();
  for (const spelling of [value, value.trim()]) for (let start = 0; start + 4 <= spelling.length; start++) parts.add(spelling.slice(start));
  return [...parts];
}

/** Fails naming the leaked part when text, or text without its colour codes, holds a part of any of the secrets. */
function expectAbsent(text: string, secrets: readonly string[], where: string): void {
  for (const shown of [text, plainText(text)]) {
    for (const value of secrets)
      for (const part of secretParts(value))
        expect(shown.includes(part), `${where} holds ${JSON.stringify(part)} of ${JSON.stringify(value)}:\n${shown}`).toBe(false);
  }
}

/** A value in double quotes as .env (python-dotenv) reads it back exactly. */
function quoted(value: string): string {
  return `"${value.replaceAll('"', '\\"')}"`;
}

/** The sources of one run's secrets. */
const sources = fc.record({
  dotEnv: secret(4),
  postgres: secret(4),
  environment: secret(4),
  yaml: secret(4),
});

type Sources = { dotEnv: string; postgres: string; environment: string; yaml: string };

/** A workspace with the secrets in .env and tovrun.yaml env:, one `command` service, and a compose file with local-db. */
function secretWorkspace(secrets: Sources, args: readonly string[] = []): string {
  return workspace({
    '.env': `SECRET_KEY=${quoted(secrets.dotEnv)}\nPOSTGRES_PASSWORD=${quoted(secrets.postgres)}\n`,
    'tovrun.yaml': `version: 1\npreset: none\nservices:\n  echo:\n    type: command\n    command: ${JSON.stringify(['node', 'print.js', ...args])}\n    env:\n      STRIPE_SECRET_KEY: ${JSON.stringify(secrets.yaml)}\n`,
    'docker-compose.yml':
      'services:\n  db:\n    image: postgres:15\n    profiles: [local-db]\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n',
  });
}

/** The relay masker `tovrun -p local-db` builds for the workspace: every secret its service receives. */
function relayMasker(root: string, processEnv: NodeJS.ProcessEnv): { mask: (text: string) => string; serviceEnv: NodeJS.ProcessEnv } {
  const loaded = loadWorkspace(root);
  const env = loadEnvValues(loaded, processEnv);
  const database = chooseDatabase({ profiles: ['local-db'], values: { ...env.values, ...processEnv }, configured: undefined });
  const inputs = {
    envValues: env.values,
    processEnv,
    platform: platformFor('linux'),
    color: false,
    nodePath: process.execPath,
    overrides: databaseOverrides(database),
  };
  const launches = loaded.services.map((service) => planLaunch(service, inputs));
  const secrets = runSecrets(env, [processEnv, { DATABASE_URL: database.url ?? undefined }, ...launches.map((launch) => launch.env)]);
  return { mask: maskerForSecrets(secrets, 'relay'), serviceEnv: launches[0]?.env ?? {} };
}

/** How a service may print a value: as is, trimmed, percent-encoded, JSON-quoted, or as a URL's password. */
const printForms: ((value: string) => string)[] = [
  (value) => value,
  (value) => value.trim(),
  (value) => encodeURIComponent(value),
  (value) => JSON.stringify(value),
  (value) => `postgres://app:${encodeURIComponent(value)}@db:5432/app`,
];
const colourCodes = ['\u001b[1;31m', '\u001b[0m', '\u001b[32m', '\u009b2m', '\u001b[39m'];

/** One printed item: which value, how it is spelled, whether colour codes split it (at a fraction of its length), and what follows it. */
const printed = fc.record({
  value: fc.constantFrom('dotEnv', 'postgres', 'environment', 'yaml', 'DATABASE_URL'),
  form: fc.nat({ max: printForms.length - 1 }),
  split: fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...colourCodes))),
  wrap: fc.boolean(),
  after: fc.constantFrom(' | ', '\n', '\r\n', ' and then\n'),
});

/** The service's output text for the items. */
function serviceOutput(items: readonly fc.RecordValue<typeof printed>[], values: Record<string, string>): string {
  return items
    .map((item) => {
      let text = printForms[item.form]?.(values[item.value] ?? '') ?? '';
      if (item.split) {
        const at = Math.floor(item.split[0] * text.length);
        text = `${text.slice(0, at)}${item.split[1]}${text.slice(at)}`;
      }
      return `${item.wrap ? `\u001b[33mvalue=${text}\u001b[0m` : `value=${text}`}${item.after}`;
    })
    .join('');
}

describe('fuzz: no secret printed by a service reaches the terminal or the log files', () => {
  it('masks secrets from .env, the environment, tovrun.yaml env: and the composed DATABASE_URL, however printed, cut and coloured', async () => {
    await fc.assert(
      fc.asyncProperty(sources, fc.array(printed, { minLength: 1, maxLength: 12 }), cuts, fc.boolean(), async (secrets, items, where, color) => {
        const root = secretWorkspace(secrets);
        const processEnv = { PATH: '/usr/bin', DB_PASSWORD: secrets.environment };
        const { mask, serviceEnv } = relayMasker(root, processEnv);
        const values: Record<string, string> = { ...secrets, DATABASE_URL: serviceEnv.DATABASE_URL ?? '' };
        expect(values.DATABASE_URL).toContain(encodeURIComponent(secrets.postgres));
        const stateDir = path.join(root, '.tovrun');
        const writes: string[] = [];
        const sink = createPrefixSink({ destination: { write: (text: string) => void writes.push(text) }, services: ['echo'], color, stateDir, mask });
        const splitter = new BlockSplitter((block) => sink.lines('echo', 'stdout', block));
        for (const chunk of chunked(serviceOutput(items, values), where)) splitter.push(chunk);
        splitter.flush();
        await sink.close();
        const all = [secrets.dotEnv, secrets.postgres, secrets.environment, secrets.yaml];
        expectAbsent(writes.join(''), all, 'the terminal');
        expectAbsent(readFileSync(logFilePath(stateDir, 'echo'), 'utf8'), all, 'the log file');
      }),
      params(runs.quick),
    );
  });
});

/** docker-compose v1 with a local engine that answers: the dry run's engine line without a real `docker info` per run. */
const answeringEngine = async (command: string, args: readonly string[]) => {
  if (command === 'docker-compose' && args[0] === 'version') return { exitCode: 0, output: 'docker-compose version 1.29.2, build unknown' };
  if (command === 'docker' && args[0] === 'info') return { exitCode: 0, output: 'Server Version: 20.10' };
  return { exitCode: undefined, output: '', spawnError: 'ENOENT' };
};

describe("fuzz: no secret reaches --dry-run's plan", () => {
  it('masks secrets in the plan, its command line and its database line, with -p local-db', async () => {
    await fc.assert(
      fc.asyncProperty(sources, fc.constantFrom('dotEnv', 'environment', 'yaml', 'postgres') as fc.Arbitrary<keyof Sources>, async (secrets, inArgs) => {
        const root = secretWorkspace(secrets, [`--token=${secrets[inArgs]}`]);
        const ctx = memoryContext(root, { env: { PATH: process.env.PATH ?? '', DB_PASSWORD: secrets.environment } });
        const options: UpOptions = { install: false, reinstall: false, profiles: ['local-db'], panes: undefined, dryRun: true, keep: false, services: true };
        expect(await runUpCommand(ctx, options, { signals: process, nodePath: process.execPath, composeRunner: answeringEngine })).toBe(0);
        expect(ctx.stdout.text()).toContain('--token=***');
        expectAbsent(ctx.stdout.text() + ctx.stderr.text(), Object.values(secrets), 'the plan');
      }),
      params(runs.quick / 3),
    );
  });
});

/** Lines continuing a secret's value: base64-like, maybe mixed case, maybe ending in padding. */
const continuationLine = fc
  .tuple(fc.array(fc.constantFrom(...Array.from('QXZJKWqxzjkw0123456789+/')), { minLength: 3, maxLength: 30 }), secretEnd, fc.constantFrom('', '', '=='))
  .map(([body, end, pad]) => `${body.join('')}${end}${pad}`);

/** A short secret may only appear inside a longer word (where masking it would hide ordinary words). */
function wordPattern(value: string): RegExp {
  return new RegExp(`${/^\w/.test(value) ? '(?<!\\w)' : ''}${escapeRegex(value)}${/\w$/.test(value) ? '(?!\\w)' : ''}`);
}

describe("fuzz: no secret reaches check env's report, --json or annotations", () => {
  const template = '# @secret\nMARKED=x\nSECRET_KEY=x\nAPI_TOKEN=x\nDB_PASSWORD=x\n# @type=port\nPORT=1\n';

  it('masks secrets of any length, and the text of lines continuing them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(secret(1), { minLength: 4, maxLength: 4 }),
        fc.array(continuationLine, { maxLength: 3 }),
        fc.nat({ max: 3 }),
        fc.boolean(),
        async (values, continuation, inPort, json) => {
          const keys = ['MARKED', 'SECRET_KEY', 'API_TOKEN', 'DB_PASSWORD'];
          const lines = keys.map((key, index) => `${key}=${quoted(values[index] ?? '')}`);
          lines.splice(2, 0, ...continuation);
          // A non-secret key holding a secret's value unquoted (where all readers read it alike): its wrong-type finding quotes it.
          const portValue = values[inPort] ?? '';
          if (/^[^\s"']+$/.test(portValue)) lines.push(`PORT=${portValue}`);
          const root = workspace({ '.env': `${lines.join('\n')}\n`, '.env.template': template });
          const ctx = memoryContext(root, { env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true' } });
          await runCheck(ctx, ['env'], { json, strict: false, requireDb: false, profiles: [] });
          const output = ctx.stdout.text() + ctx.stderr.text();
          const unescaped = output.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%');
          const long = [...values.filter((value) => value.length >= 4), ...continuation.flatMap((line) => [line, line.toUpperCase()])];
          for (const text of [output, unescaped]) expectAbsent(text, long, json ? '--json and annotations' : 'the report and annotations');
          if (json) {
            const findings = JSON.parse(ctx.stdout.text()) as { message: string; hint: string | null }[];
            for (const item of findings) expectAbsent(`${item.message}\n${item.hint ?? ''}`, long, 'a finding');
            const words = findings.flatMap((item) => [item.message, item.hint ?? '']);
            for (const value of values.filter((each) => each.length < 4))
              for (const text of words) expect(wordPattern(value).test(text), `${JSON.stringify(value)} in ${text}`).toBe(false);
          }
        },
      ),
      params(runs.quick),
    );
  });
});
