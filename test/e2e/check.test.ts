// `tovrun --check` through the built CLI: a clean workspace passes and stays byte-identical; workspaces that each break
// one thing fail (or warn) with that check's id, status, file, line and fix; the database against a real PostgreSQL.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TimedFinding } from '../../src/report/findings.js';
import { reportSchemaErrors } from '../check/support/report-schema.js';
import { repositoryRoot } from '../env/support/workspace.js';
import { makeCleanWorkspace } from '../fixtures/check/clean-workspace.mjs';
import { closeSessions, freePort, openSessions, postgresSkipReason, type Sessions, startPostgres, type TestPostgres } from '../support/postgres.js';

const cli = path.join(repositoryRoot, 'bin', 'tovrun.js');
const home = mkdtempSync(path.join(tmpdir(), 'tovrun-check-e2e-home-'));
const baseEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: home };

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in cwd with the base environment plus env. */
function tovrun(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env: { ...baseEnv, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** `tovrun --check --json` parsed. */
async function report(cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<CliRun & { findings: TimedFinding[] }> {
  const run = await tovrun(cwd, ['--check', '--json', ...args], env);
  return { ...run, findings: JSON.parse(run.stdout) as TimedFinding[] };
}

/** Every path under root (the .git folder included) with a hash of its bytes, its link target or "folder". */
function snapshot(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = lstatSync(full);
      const key = path.relative(root, full);
      if (stat.isSymbolicLink()) entries.set(key, `-> ${readlinkSync(full)}`);
      else if (stat.isDirectory()) {
        entries.set(key, 'folder');
        walk(full);
      } else entries.set(key, createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(root);
  return entries;
}

const created: string[] = [];

/** A fresh clean workspace (a git repository) on free ports; removed after the file's tests. */
async function cleanWorkspace(): Promise<string> {
  const root = await makeCleanWorkspace({ ports: { backend: await freePort(), frontend: await freePort() }, git: true, env: baseEnv });
  created.push(path.dirname(root));
  return root;
}

const servers: net.Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
  for (const dir of [home, ...created]) rmSync(dir, { recursive: true, force: true });
});

describe('tovrun --check on a clean workspace', () => {
  let root: string;
  beforeAll(async () => {
    root = await cleanWorkspace();
  });

  it('passes: every check ok, one line each, a summary, exit 0, nothing on stderr', async () => {
    const run = await tovrun(root, ['--check']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^ok no problems found\n$/m);
    for (const id of [
      'env/ok',
      'toolchains/python',
      'toolchains/venv',
      'toolchains/node',
      'toolchains/npm-omit',
      'dependencies/up-to-date',
      'ports/free',
      'compose/ok',
      'hygiene/env-ignored',
      'hygiene/template-secrets',
      'hygiene/stale-copies',
      'database/skipped',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^ok .*\\[${id}\\] `, 'm'));
    }
    expect(run.stdout).not.toMatch(/^ {4}->/m);
  });

  it('--json validates against the schema, every finding ok and timed', async () => {
    const run = await report(root);
    expect(run.code).toBe(0);
    expect(reportSchemaErrors(run.findings)).toEqual([]);
    expect(run.findings.filter((item) => item.status !== 'ok')).toEqual([]);
    expect(run.findings.every((item) => Number.isInteger(item.durationMs))).toBe(true);
  });

  it('changes nothing: the workspace (with .git) is byte-identical after --check and --check --json', async () => {
    const before = snapshot(root);
    await tovrun(root, ['--check']);
    await tovrun(root, ['check', '--json', '--strict'], { NODE_ENV: 'production', DATABASE_URL: `postgresql://u:p@127.0.0.1:${await freePort()}/d` });
    expect(snapshot(root)).toEqual(before);
  });
});

/** One broken thing: how to break a clean workspace, and the finding and exit code that must follow. */
interface Breakage {
  name: string;
  apply(root: string): Promise<void> | void;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** The one finding that is not ok (message may be an asymmetric matcher). */
  expected: { id: string; status: 'warn' | 'error'; file?: string | null; line?: number | null; message?: unknown };
  hint?: string;
  code: number;
}

const lineCount = (file: string) => readFileSync(file, 'utf8').split('\n').length;

const breakages: Breakage[] = [
  {
    name: '.env has a key the template lacks',
    apply: (root) => appendFileSync(path.join(root, '.env'), 'FLASK_EVN=development\n'),
    expected: { id: 'env/unknown-key', status: 'error', file: '.env', line: 18 },
    hint: 'FLASK_ENV',
    code: 1,
  },
  {
    name: 'the compose file uses a variable the template lacks',
    apply: (root) =>
      writeFileSync(
        path.join(root, 'docker-compose.yml'),
        readFileSync(path.join(root, 'docker-compose.yml'), 'utf8').replace('${POSTGRES_USER}', '${DB_USER}'),
      ),
    expected: { id: 'compose/undefined-variable', status: 'error', file: 'docker-compose.yml', line: 7 },
    hint: 'Add DB_USER to .env.template',
    code: 1,
  },
  {
    name: 'the compose file is not valid YAML',
    apply: (root) => appendFileSync(path.join(root, 'docker-compose.yml'), '  broken: [\n'),
    expected: { id: 'compose/syntax', status: 'error', file: 'docker-compose.yml' },
    hint: 'Fix the YAML',
    code: 1,
  },
  {
    name: "the backend's port is taken by another program",
    apply: async (root) => {
      const port = Number(/backend:\n {4}port: (\d+)/.exec(readFileSync(path.join(root, 'tovrun.yaml'), 'utf8'))?.[1]);
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    expected: { id: 'ports/in-use', status: 'error', file: null, line: null },
    hint: `Stop it (\`kill ${process.pid}\`)`,
    code: 1,
  },
  {
    name: '.env is not ignored by git',
    apply: (root) => writeFileSync(path.join(root, '.gitignore'), 'venv/\nnode_modules/\n.tovrun/\n'),
    expected: { id: 'hygiene/env-not-ignored', status: 'error', file: '.gitignore' },
    hint: "echo '.env' >> .gitignore",
    code: 1,
  },
  {
    name: '.env.template holds a real-looking secret',
    apply: (root) => {
      for (const file of ['.env.template', '.env']) appendFileSync(path.join(root, file), `GITHUB_HELPER=ghp_${'Xy7Qw2Lp'.repeat(5)}\n`);
    },
    expected: { id: 'hygiene/template-secret', status: 'error', file: '.env.template', line: 18 },
    hint: 'Replace the value with a placeholder',
    code: 1,
  },
  {
    name: 'a stale .env.template copy sits in .claude/infra/',
    apply: (root) => {
      mkdirSync(path.join(root, '.claude', 'infra'), { recursive: true });
      writeFileSync(path.join(root, '.claude', 'infra', '.env.template'), 'SECRET_KEY=x\nOLD=1\n');
    },
    expected: {
      id: 'hygiene/stale-copy',
      status: 'warn',
      file: '.claude/infra/.env.template',
      message: expect.stringContaining('keys only here: OLD; different values: SECRET_KEY; missing here: COMPOSE_PROJECT_NAME'),
    },
    hint: 'rm .claude/infra/.env.template',
    code: 0,
  },
  {
    name: 'a stale copy fails under --strict',
    apply: (root) => writeFileSync(path.join(root, 'backend', 'docker-compose.yml'), 'services: {}\n'),
    args: ['--strict'],
    expected: { id: 'hygiene/stale-copy', status: 'warn', file: 'backend/docker-compose.yml' },
    hint: 'rm backend/docker-compose.yml',
    code: 1,
  },
  {
    name: "the frontend's .npmrc says omit=dev",
    apply: (root) => writeFileSync(path.join(root, 'frontend', '.npmrc'), 'fund=false\nomit=dev\n'),
    expected: { id: 'toolchains/npm-omit', status: 'warn', file: 'frontend/.npmrc', line: 2 },
    hint: 'Delete line 2 (`omit=dev`) from frontend/.npmrc.',
    code: 0,
  },
  {
    name: 'NODE_ENV=production is in the environment',
    apply: () => undefined,
    env: { NODE_ENV: 'production' },
    expected: { id: 'toolchains/npm-omit', status: 'warn', file: null },
    hint: '`unset NODE_ENV`',
    code: 0,
  },
  {
    name: 'the venv lost its pyvenv.cfg',
    apply: (root) => rmSync(path.join(root, 'backend', 'venv', 'pyvenv.cfg')),
    expected: { id: 'toolchains/venv', status: 'warn', file: 'backend/venv' },
    hint: 'tovrun install',
    code: 0,
  },
  {
    name: "Vite needs a Node newer than tovrun's",
    apply: (root) => {
      const manifest = path.join(root, 'frontend', 'node_modules', 'vite', 'package.json');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('^20.19.0 || >=22.12.0', '>=99.0.0'));
    },
    expected: { id: 'toolchains/node', status: 'error', file: 'frontend/node_modules/vite/package.json' },
    hint: 'Install a Node.js that satisfies >=99.0.0',
    code: 1,
  },
  {
    name: 'requirements.txt changed since the last install',
    apply: (root) => appendFileSync(path.join(root, 'backend', 'requirements.txt'), 'requests\n'),
    expected: {
      id: 'dependencies/outdated',
      status: 'warn',
      file: 'backend/requirements.txt',
      message: 'backend: packages not installed or out of date — backend/requirements.txt changed.',
    },
    hint: 'tovrun install',
    code: 0,
  },
  {
    name: 'DATABASE_URL points at a port nothing listens on',
    apply: () => undefined,
    env: { DATABASE_URL: 'postgresql://tovplay:pw-Unreachable-1@127.0.0.1:1/tovplay' },
    expected: { id: 'database/unreachable', status: 'warn' },
    hint: 'tovrun -p local-db',
    code: 0,
  },
  {
    name: 'an unreachable database under --require-db',
    apply: () => undefined,
    args: ['--require-db'],
    env: { DATABASE_URL: 'postgresql://tovplay:pw-Unreachable-1@127.0.0.1:1/tovplay' },
    expected: { id: 'database/unreachable', status: 'error' },
    hint: 'tovrun -p local-db',
    code: 1,
  },
];

describe('workspaces that each break one thing', () => {
  it('the line numbers the cases expect match the fixture', () => {
    expect(lineCount(path.join(repositoryRoot, 'test', 'fixtures', 'check', 'clean', '.env.template'))).toBe(18);
  });

  it.concurrent.each(breakages)('$name', async (breakage) => {
    const root = await cleanWorkspace();
    await breakage.apply(root);
    const run = await report(root, breakage.args ?? [], breakage.env ?? {});
    const problems = run.findings.filter((item) => item.status !== 'ok');
    expect(problems).toEqual([expect.objectContaining(breakage.expected)]);
    if (breakage.hint) expect(problems[0]?.hint).toContain(breakage.hint);
    expect(run.code).toBe(breakage.code);
    expect(reportSchemaErrors(run.findings)).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain('pw-Unreachable-1');
  });
});

describe('usage errors and GitHub annotations', () => {
  it('exits 2 for an unknown check, with nothing on stdout and no stack trace', async () => {
    const run = await tovrun(await cleanWorkspace(), ['check', 'nope', '--json']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('Available checks: env, toolchains, dependencies, ports, compose, hygiene, database.');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('prints ::error annotations with file and line under GITHUB_ACTIONS=true, on stderr with --json', async () => {
    const root = await cleanWorkspace();
    writeFileSync(path.join(root, 'docker-compose.yml'), readFileSync(path.join(root, 'docker-compose.yml'), 'utf8').replace('${POSTGRES_USER}', '${DB_USER}'));
    const human = await tovrun(root, ['--check'], { GITHUB_ACTIONS: 'true' });
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(
      /^::error file=docker-compose\.yml,line=7,title=tovrun compose\/undefined-variable::docker-compose\.yml uses \$\{DB_USER\}.*%0AFix: Add DB_USER/m,
    );
    const json = await tovrun(root, ['--check', '--json'], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: path.dirname(root) });
    expect(reportSchemaErrors(JSON.parse(json.stdout))).toEqual([]);
    expect(json.stderr).toMatch(/^::error file=workspace\/docker-compose\.yml,line=7,/m);
  });
});

describe.skipIf(postgresSkipReason)('the database through the CLI, against a real PostgreSQL (max_connections 10, 3 reserved)', () => {
  let server: TestPostgres;
  let root: string;
  const sessions: Sessions = [];

  beforeAll(async () => {
    [server, root] = await Promise.all([startPostgres({ maxConnections: 10, superuserReserved: 3 }), cleanWorkspace()]);
  });
  afterEach(async () => {
    await closeSessions(sessions);
    await server.waitUntilEmpty();
  });
  afterAll(() => server?.stop());

  const database = (run: { findings: TimedFinding[] }) => run.findings.filter((item) => item.id.startsWith('database/'));

  it('reports a reachable server as ok, without its password', async () => {
    const run = await report(root, [], { DATABASE_URL: server.url });
    expect(database(run)).toEqual([
      expect.objectContaining({ id: 'database/connections', status: 'ok', message: expect.stringContaining('0 of 7 usable connections in use') }),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(new URL(server.url).password);
  });

  it('warns on a nearly full server and suggests the pgbouncer profile; --strict fails', async () => {
    sessions.push(...(await openSessions(server.url, 6, 'flask-pool')));
    const run = await report(root, [], { DATABASE_URL: server.url });
    expect(database(run)).toEqual([
      expect.objectContaining({ id: 'database/connections-high', status: 'warn', hint: expect.stringContaining('tovrun -p pgbouncer') }),
    ]);
    expect(run.code).toBe(0);
    expect((await report(root, ['--strict'], { DATABASE_URL: server.url })).code).toBe(1);
  });

  it('explains "sorry, too many clients already": a warning, and exit 1 with --require-db', async () => {
    sessions.push(...(await openSessions(server.url, 7, 'flask-pool')), ...(await openSessions(server.superUrl, 3, 'admin')));
    const human = await tovrun(root, ['--check'], { DATABASE_URL: server.url });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /^warn \[database\/too-many-clients\] PostgreSQL tovplay@127\.0\.0\.1:\d+\/tovplay refused the connection: FATAL: sorry, too many clients already \(SQLSTATE 53300\)/m,
    );
    expect(human.stdout).toContain('tovrun -p pgbouncer');
    const required = await report(root, ['--require-db'], { DATABASE_URL: server.url });
    expect(database(required)).toEqual([expect.objectContaining({ id: 'database/too-many-clients', status: 'error' })]);
    expect(required.code).toBe(1);
  });
});
