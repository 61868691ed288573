// `tovrun check`: the real CLI on a corpus of broken .env files, a correct one, the shipped template, and a canary secret.
import { execFile } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { runCheck } from '../../src/commands/check.js';
import { UsageError } from '../../src/errors.js';
import { reportSchemaErrors } from '../check/support/report-schema.js';
import { envFixtures, fixtureExpectation, fixtureWorkspace, repositoryRoot, tempWorkspace } from '../env/support/workspace.js';
import { memoryContext, memoryOutput } from '../support/memory-context.js';

const run = promisify(execFile);
const bin = path.join(repositoryRoot, 'bin', 'tovrun.js');
const stackTrace = /\n\s+at .+:\d+:\d+/;

/** Runs the built CLI in cwd; resolves with its exit code and output (never rejects on a non-zero exit). */
async function tovrun(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH ?? '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const corpusDir = path.join(envFixtures, 'corpus');
const corpus = readdirSync(corpusDir).filter((name) => /^\d\d-.*\.env$/.test(name));
const warnings = readdirSync(path.join(envFixtures, 'warnings')).filter((name) => name.endsWith('.env'));

describe('tovrun check env on the broken-.env corpus (real CLI)', () => {
  it('has at least 30 broken files', () => expect(corpus.length).toBeGreaterThanOrEqual(30));

  it.concurrent.each(corpus)('%s exits 1 with its rule at its line, and no stack trace', async (name) => {
    const expected = fixtureExpectation(path.join(corpusDir, name));
    const cwd = fixtureWorkspace(path.join(corpusDir, '.env.template'), path.join(corpusDir, name));
    const result = await tovrun(cwd, 'check', 'env');
    expect(result.code).toBe(1);
    const where = expected.line === null ? '.env' : `.env:${expected.line}`;
    expect(result.stdout).toMatch(new RegExp(`^FAIL ${where.replace('.', '\\.')} \\[${expected.rule}\\] `, 'm'));
    expect(result.stdout + result.stderr).not.toMatch(stackTrace);
    expect(result.stderr).toBe('');
  });

  it('a correct .env passes with exit 0', async () => {
    const result = await tovrun(fixtureWorkspace(path.join(corpusDir, '.env.template'), path.join(corpusDir, 'valid.env')), 'check', 'env');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('ok no problems found');
  });
});

describe('warnings (in process)', () => {
  it.each(warnings)('%s warns with its rule at its line and exits 0', async (name) => {
    const expected = fixtureExpectation(path.join(envFixtures, 'warnings', name));
    const ctx = memoryContext(fixtureWorkspace(path.join(envFixtures, 'warnings', '.env.template'), path.join(envFixtures, 'warnings', name)));
    expect(await runCheck(ctx, ['env'], { json: false, strict: false, requireDb: false, profiles: [] })).toBe(0);
    expect(ctx.stdout.text()).toMatch(new RegExp(`^warn \\.env:${expected.line} \\[${expected.rule}\\] `, 'm'));
  });
});

describe('the shipped .env.template', () => {
  it('copied unchanged to .env passes with exit 0 and no warnings', async () => {
    const cwd = tempWorkspace({});
    copyFileSync(path.join(repositoryRoot, '.env.template'), path.join(cwd, '.env.template'));
    copyFileSync(path.join(repositoryRoot, '.env.template'), path.join(cwd, '.env'));
    const result = await tovrun(cwd, 'check', 'env');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^ok no problems found$/m);
  });
});

describe('a missing .env', () => {
  it('gives one message with the copy command for POSIX and PowerShell, and exits 1', async () => {
    const cwd = tempWorkspace({ '.env.template': 'FLASK_ENV=development\n', 'tovrun.yaml': 'version: 1\npreset: none\n' });
    const result = await tovrun(cwd, 'check');
    expect(result.code).toBe(1);
    expect(result.stdout.match(/^FAIL /gm)).toHaveLength(2);
    expect(result.stdout).toContain('[env/missing-file]');
    expect(result.stdout).toContain('cp .env.template .env');
    expect(result.stdout).toContain('Copy-Item .env.template .env');
  });
});

describe('a broken .env.template', () => {
  it('exits 2 with the file and line, and no stack trace', async () => {
    const cwd = tempWorkspace({ '.env.template': 'A=1\n# @type=port\nB=http\n', '.env': 'A=1\nB=2\n' });
    const result = await tovrun(cwd, 'check', 'env');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path.join(cwd, '.env.template')}:3: B is annotated as a port`);
    expect(result.stderr).not.toMatch(stackTrace);
  });
});

describe('secrets', () => {
  const canary = 'c4n4ry7f3a9b2e';
  const lines = [
    `SECRET_KEY=${canary}-flask`,
    `DATABASE_URL=postgresql://tovplay:${canary}@localhost:5432/tovplay`,
    `JWT_SECRET_KEY=${canary}$tail`,
    `POSTGRES_PASSWORD="${canary}"trailing`,
    `GAMES_API_KEY=${canary}-shared-with-vite`,
    `VITE_APP_NAME=${canary}-shared-with-vite`,
    `MY_UNKNOWN_TOKEN=${canary}-unknown`,
    `GRAFANA_ADMIN_PASSWORD=${canary}-grafana`,
    `GRAFANA_ADMIN_PASSWORD=${canary}-grafana-again`,
    `DISCORD_CLIENT_SECRET = ${canary} spaced`,
  ];

  function canaryWorkspace(): string {
    const cwd = tempWorkspace({});
    copyFileSync(path.join(repositoryRoot, '.env.template'), path.join(cwd, '.env.template'));
    writeFileSync(path.join(cwd, '.env'), `${readFileSync(path.join(repositoryRoot, '.env.template'), 'utf8')}\n${lines.join('\n')}\n`);
    return cwd;
  }

  it.concurrent.each([[['check', 'env']], [['check', 'env', '--json']], [['--check']], [['--check', '--json']]])(
    'a canary in .env appears in no output of tovrun %j',
    async (args) => {
      const result = await tovrun(canaryWorkspace(), ...args);
      expect(result.code).toBe(1);
      expect(result.stdout.length).toBeGreaterThan(500);
      expect(result.stdout + result.stderr).not.toContain(canary);
    },
  );

  it('nor in coloured Unicode output on a terminal', async () => {
    const ctx = { ...memoryContext(canaryWorkspace(), { env: { FORCE_COLOR: '1', TERM: 'xterm-256color' } }), stdout: memoryOutput(true) };
    expect(await runCheck(ctx, [], { json: false, strict: false, requireDb: false, profiles: [] })).toBe(1);
    expect(ctx.stdout.text()).toContain('✗');
    expect(ctx.stdout.text()).not.toContain(canary);
  });
});

describe('runCheck', () => {
  it('names the available checks for an unknown one (exit 2, nothing on stdout)', async () => {
    await expect(runCheck(memoryContext(repositoryRoot), ['env', 'nope'], { json: false, strict: false, requireDb: false, profiles: [] })).rejects.toThrow(
      UsageError,
    );
    const ctx = memoryContext(repositoryRoot);
    expect(await main(['check', 'nope', '--json'], ctx)).toBe(2);
    expect(ctx.stderr.text()).toContain('unknown check "nope"');
    expect(ctx.stderr.text()).toContain('Available checks: env, toolchains, dependencies, ports, compose, hygiene, database.');
    expect(ctx.stdout.text()).toBe('');
  });

  it('prints the findings as a JSON array of plain data with --json', async () => {
    const ctx = memoryContext(tempWorkspace({ '.env.template': '# @type=port\nPORT=1\n', '.env': 'PORT=x\nEXTRA=1\n' }));
    expect(await runCheck(ctx, ['env'], { json: true, strict: false, requireDb: false, profiles: [] })).toBe(1);
    const findings = JSON.parse(ctx.stdout.text()) as unknown[];
    expect(findings).toEqual([
      {
        id: 'env/wrong-type',
        status: 'error',
        message: 'PORT must be a port (1-65535), found "x".',
        hint: 'Write a port (1-65535) (the template has 1).',
        file: '.env',
        line: 1,
        durationMs: expect.any(Number),
      },
      expect.objectContaining({ id: 'env/unknown-key', status: 'error', file: '.env', line: 2 }),
    ]);
  });

  it('runs every check for `tovrun --check` and `tovrun check`, and only the named ones otherwise', async () => {
    const cwd = tempWorkspace({ '.env.template': 'A=1\n', '.env': 'A=1\n', 'tovrun.yaml': 'version: 1\npreset: none\n' });
    for (const argv of [['--check'], ['check']]) {
      const ctx = memoryContext(cwd);
      expect(await main(argv, ctx)).toBe(0);
      for (const id of ['env/ok', 'ports/free', 'compose/no-file', 'hygiene/stale-copies', 'database/skipped']) expect(ctx.stdout.text()).toContain(`[${id}]`);
    }
    const ctx = memoryContext(cwd);
    expect(await main(['check', 'database', 'env', 'env'], ctx)).toBe(0);
    expect(ctx.stdout.text()).toBe(
      'ok .env [env/ok] .env matches .env.template (1 key known, 1 set).\nok [database/skipped] no DATABASE_URL is set; the database was not checked.\nok no problems found\n',
    );
  });
});

describe('masking keeps the report readable', () => {
  it('a secret that is also an ordinary word does not break the JSON or the statuses', async () => {
    const ctx = memoryContext(tempWorkspace({ '.env.template': 'SECRET_KEY=x\n', '.env': 'SECRET_KEY=error\nUNKNOWN_KEY=error\n' }));
    expect(await runCheck(ctx, ['env'], { json: true, strict: false, requireDb: false, profiles: [] })).toBe(1);
    const findings = JSON.parse(ctx.stdout.text()) as { status: string }[];
    expect(findings.map((item) => item.status)).toEqual(['error']);
  });
});

describe('exit codes and --strict', () => {
  const warningOnly = () =>
    tempWorkspace({
      '.env.template': 'A=1\n',
      '.env': 'A=1\n',
      'tovrun.yaml': 'version: 1\npreset: none\n',
      'docker-compose.yml': 'services:\n  web:\n    image: "nginx:${TAG:-1}"\n',
    });

  it('exits 0 with warnings only, 1 with --strict, and says why', async () => {
    const relaxed = memoryContext(warningOnly());
    expect(await main(['check', 'compose'], relaxed)).toBe(0);
    expect(relaxed.stdout.text()).toMatch(/^warn 0 errors, 1 warning$/m);
    const strict = memoryContext(warningOnly());
    expect(await main(['--check', '--strict'], strict)).toBe(1);
    expect(strict.stdout.text()).toMatch(/^FAIL 0 errors, 1 warning \(--strict: warnings fail\)$/m);
  });
});

describe('--json', () => {
  it('validates against templates/check-report.schema.json, clean or broken, and prints nothing else on stdout', async () => {
    const workspaces = [
      tempWorkspace({ '.env.template': 'A=1\n', '.env': 'A=1\n', 'tovrun.yaml': 'version: 1\npreset: none\n' }),
      tempWorkspace({ '.env.template': '# @type=port\nPORT=1\n', '.env': 'PORT=x\n', 'docker-compose.yml': 'services:\n  db:\n    image: ${NOPE}\n' }),
    ];
    for (const cwd of workspaces) {
      const ctx = memoryContext(cwd, { env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgresql://u:pw@127.0.0.1:1/d' } });
      await runCheck(ctx, [], { json: true, strict: false, requireDb: false, profiles: [] });
      const report: unknown = JSON.parse(ctx.stdout.text());
      expect(reportSchemaErrors(report)).toEqual([]);
      expect(ctx.stderr.text()).toBe('');
    }
  });

  it('the schema rejects what the report must never be', () => {
    expect(reportSchemaErrors([{ id: 'env/ok', status: 'fine', message: 'x', hint: null, file: null, line: null, durationMs: 1 }])).not.toEqual([]);
    expect(reportSchemaErrors([{ id: 'env/ok', status: 'ok', message: 'x', hint: null, file: null, line: 0, durationMs: 1 }])).not.toEqual([]);
    expect(reportSchemaErrors({})).not.toEqual([]);
  });
});

describe('under GitHub Actions', () => {
  const broken = () => tempWorkspace({ '.env.template': 'A=1\n', '.env': 'A=1\nB=2\n', 'tovrun.yaml': 'version: 1\npreset: none\n' });
  const env = { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true' };

  it('adds an annotation per problem after the human report', async () => {
    const ctx = memoryContext(broken(), { env });
    expect(await runCheck(ctx, [], { json: false, strict: false, requireDb: false, profiles: [] })).toBe(1);
    expect(ctx.stdout.text()).toMatch(/^FAIL 1 error, 0 warnings\n::error file=\.env,line=2,title=tovrun env\/unknown-key::B is not in \.env\.template/m);
    expect(ctx.stdout.text()).not.toMatch(/^::(error|warning) .*env\/ok/m);
  });

  it('sends them to stderr with --json, leaving stdout pure JSON', async () => {
    const ctx = memoryContext(broken(), { env });
    await runCheck(ctx, [], { json: true, strict: false, requireDb: false, profiles: [] });
    expect(() => JSON.parse(ctx.stdout.text()) as unknown).not.toThrow();
    expect(ctx.stderr.text()).toMatch(/^::error file=\.env,line=2,title=tovrun env\/unknown-key::/);
  });
});
