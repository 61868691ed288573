// Hostile input files through the built CLI: each case ends (no hang) with its exit code and one paragraph naming the
// file and the fix, no stack trace, and the workspace byte-for-byte as it was (no .tovrun made by the doctor).
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../env/support/workspace.js';

const cli = path.join(repositoryRoot, 'bin', 'tovrun.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'tovrun-hostile-'));
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface CliRun {
  /** The exit code, or 'timeout' when the run had to be killed. */
  code: number | 'timeout';
  output: string;
  ms: number;
}

/** Runs the built CLI in cwd (as user, when given, through runuser), killed after timeoutMs. */
function tovrun(cwd: string, args: string[], options: { timeoutMs?: number; user?: string } = {}): Promise<CliRun> {
  const [command, commandArgs] = options.user ? ['runuser', ['-u', options.user, '--', process.execPath, cli, ...args]] : [process.execPath, [cli, ...args]];
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      command,
      commandArgs,
      { cwd, env: { PATH: process.env.PATH ?? '', HOME: scratch, NO_COLOR: '1' }, timeout: options.timeoutMs ?? 20_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const killed = error !== null && (error as { killed?: boolean }).killed === true;
        resolve({ code: killed ? 'timeout' : error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}`, ms: performance.now() - started });
      },
    );
  });
}

let count = 0;

/** A fresh workspace folder (readable by every user) with a template, a matching .env and the given extra files. */
function workspace(files: Record<string, string> = {}): string {
  const root = path.join(scratch, `ws-${++count}`);
  mkdirSync(root, { mode: 0o755 });
  chmodSync(root, 0o755);
  for (const [name, text] of Object.entries({ '.env.template': 'A=1\n', '.env': 'A=1\n', ...files }))
    writeFileSync(path.join(root, name), text, { mode: 0o644 });
  return root;
}

/** Every path under root with its content hash, link target or "folder" (links never followed). */
function snapshot(root: string): string {
  const entries: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = lstatSync(full);
      const key = path.relative(root, full);
      if (stat.isSymbolicLink()) entries.push(`${key} -> ${readlinkSync(full)}`);
      else if (stat.isDirectory()) {
        entries.push(`${key}/ ${(stat.mode & 0o777).toString(8)}`);
        walk(full);
      } else if (stat.isFile()) entries.push(`${key} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
      else entries.push(`${key} (special)`);
    }
  };
  walk(root);
  return entries.join('\n');
}

/** Runs tovrun in root and checks what every hostile case must show: the code, one paragraph naming file, no trace, nothing written. */
async function expectRefusal(
  root: string,
  args: string[],
  expected: { code: number; file: string; says: string | RegExp; user?: string; timeoutMs?: number },
): Promise<CliRun> {
  const before = snapshot(root);
  const run = await tovrun(root, args, { ...(expected.user ? { user: expected.user } : {}), ...(expected.timeoutMs ? { timeoutMs: expected.timeoutMs } : {}) });
  expect(run.code, run.output).toBe(expected.code);
  expect(run.output).toMatch(expected.says);
  expect(run.output).toContain(expected.file);
  expect(run.output).not.toContain('    at ');
  expect(run.output).not.toMatch(/unexpected error|please report it|Regular expression too large/);
  expect(run.output.trim()).not.toContain('\n\n');
  expect(snapshot(root)).toBe(before);
  return run;
}

const isRoot = process.getuid?.() === 0;
const canRunAsNobody =
  isRoot &&
  (() => {
    try {
      execFileSync('runuser', ['-u', 'nobody', '--', process.execPath, '-e', `require('node:fs').accessSync(${JSON.stringify(cli)})`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

describe('files that are not text files', () => {
  it.each(['.env', '.env.template', 'tovrun.yaml'])('%s as a folder: exit 2 naming it, for check env and for tovrun', async (name) => {
    const root = workspace();
    rmSync(path.join(root, name), { force: true });
    mkdirSync(path.join(root, name));
    await expectRefusal(root, ['check', 'env'], { code: 2, file: name, says: `${name} is a folder, not a text file` });
    await expectRefusal(root, ['--dry-run'], { code: 2, file: name, says: `${name} is a folder, not a text file` });
  });

  it('a .env FIFO with no writer: the doctor and tovrun end at once with exit 2', async () => {
    const root = workspace();
    rmSync(path.join(root, '.env'));
    execFileSync('mkfifo', [path.join(root, '.env')]);
    await expectRefusal(root, ['check', 'env'], { code: 2, file: '.env', says: '.env is a named pipe (FIFO), not a text file', timeoutMs: 15_000 });
    await expectRefusal(root, ['--check'], { code: 2, file: '.env', says: '.env is a named pipe (FIFO)', timeoutMs: 30_000 });
  });

  it('a .env linked to /dev/zero: refused as a device, not read without end', async () => {
    const root = workspace();
    rmSync(path.join(root, '.env'));
    symlinkSync('/dev/zero', path.join(root, '.env'));
    await expectRefusal(root, ['check', 'env'], { code: 2, file: '.env', says: '.env (a link to /dev/zero) is a device, not a text file', timeoutMs: 15_000 });
  });

  it('a docker-compose.yml folder is reported as a folder, not as missing', async () => {
    const root = workspace();
    mkdirSync(path.join(root, 'docker-compose.yml'));
    await expectRefusal(root, ['check', 'compose'], { code: 1, file: 'docker-compose.yml', says: 'docker-compose.yml is a folder, not a text file' });
    await expectRefusal(root, ['--dry-run', '-p', 'local-db'], { code: 2, file: 'docker-compose.yml', says: 'docker-compose.yml is a folder' });
  });

  it.runIf(canRunAsNobody)('an unreadable .env (EACCES, run as nobody): exit 2 saying permission denied', async () => {
    const root = workspace();
    chmodSync(path.join(root, '.env'), 0o000);
    await expectRefusal(root, ['check', 'env'], { code: 2, file: '.env', says: '.env cannot be read: permission denied', user: 'nobody' });
  });
});

describe('sizes and counts', () => {
  it('a .env and a tovrun.yaml over 1 MiB are refused with the cap', async () => {
    const root = workspace({ '.env': `A=${'x'.repeat(1024 * 1024)}\n` });
    await expectRefusal(root, ['check', 'env'], { code: 2, file: '.env', says: '.env is larger than 1 MiB' });
    const yaml = workspace({ 'tovrun.yaml': Array.from({ length: 250_000 }, (_, index) => `k${index}: 1`).join('\n') });
    await expectRefusal(yaml, ['--dry-run'], { code: 2, file: 'tovrun.yaml', says: 'tovrun.yaml is larger than 1 MiB' });
  });

  it('a 100,000-character key: a finding with the key shortened, no regular expression error', async () => {
    const root = workspace({ '.env': `A=1\n${'K'.repeat(100_000)}=x\n` });
    const run = await expectRefusal(root, ['check', 'env'], { code: 1, file: '.env', says: `${'K'.repeat(40)}…(100000 characters)` });
    expect(run.output.length).toBeLessThan(5000);
  });

  it('100,000 unknown .env keys are checked in seconds (it took minutes)', async () => {
    const root = workspace({ '.env': ['A=1', ...Array.from({ length: 100_000 }, (_, index) => `U${index}=`)].join('\n') });
    const run = await tovrun(root, ['check', 'env', '--json'], { timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    expect((JSON.parse(run.output) as unknown[]).length).toBe(100_000);
    expect(run.ms).toBeLessThan(30_000);
  }, 90_000);

  it('a tovrun.yaml map of 100,000 keys under the cap is reported in seconds (it took 89 s)', async () => {
    const root = workspace({ 'tovrun.yaml': Array.from({ length: 100_000 }, (_, index) => `k${index}: 1`).join('\n') });
    const run = await expectRefusal(root, ['--dry-run'], { code: 2, file: 'tovrun.yaml', says: 'found unknown key "k0"', timeoutMs: 60_000 });
    expect(run.ms).toBeLessThan(30_000);
  }, 90_000);

  it('NUL bytes in a UTF-8 .env are reported at their line, not as UTF-16', async () => {
    const root = workspace({ '.env': 'A=1\nB=\u0000x\n' });
    const run = await expectRefusal(root, ['check', 'env'], { code: 1, file: '.env:2', says: 'NUL character' });
    expect(run.output).not.toContain('UTF-16');
  });
});

describe('the .tovrun state folder', () => {
  it.each(['install', 'down', 'logs', 'up'])('a .tovrun file stops `tovrun %s` with exit 2 naming it', async (command) => {
    const root = workspace({ '.tovrun': 'not a folder', 'tovrun.yaml': 'services:\n  backend: {enabled: false}\n  frontend: {enabled: false}\n' });
    await expectRefusal(root, [command], { code: 2, file: '.tovrun', says: '.tovrun is a file, not a folder' });
  });

  it('the read-only doctor creates no .tovrun', async () => {
    const root = workspace();
    await tovrun(root, ['check', 'env']);
    expect(readdirSync(root)).not.toContain('.tovrun');
  });

  it.runIf(canRunAsNobody)('a .tovrun the user cannot write to (run as nobody) stops down and install with exit 2', async () => {
    const root = workspace({ 'tovrun.yaml': 'services:\n  backend: {enabled: false}\n  frontend: {enabled: false}\n' });
    mkdirSync(path.join(root, '.tovrun'), { mode: 0o755 });
    for (const command of ['down', 'install'])
      await expectRefusal(root, [command], { code: 2, file: '.tovrun', says: '.tovrun/ is not writable by you', user: 'nobody' });
  });
});

describe('init and links', () => {
  /** A repository init adopts (a backend with requirements.txt), plus what make adds. */
  function repository(make: (root: string) => void): string {
    const root = path.join(scratch, `repo-${++count}`);
    mkdirSync(path.join(root, 'backend'), { recursive: true });
    writeFileSync(path.join(root, 'backend', 'requirements.txt'), 'flask\n');
    make(root);
    return root;
  }

  it('a dangling .env link: exit 2 naming it, nothing written', async () => {
    const root = repository((dir) => symlinkSync(path.join(dir, 'nowhere'), path.join(dir, '.env')));
    await expectRefusal(root, ['init', '--yes'], { code: 2, file: '.env', says: 'which does not exist; tovrun init will not create a file through it' });
  });

  it('.gitignore and infra linking out of the workspace: refused, the outside untouched', async () => {
    const outside = path.join(scratch, `outside-${++count}`);
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'gitignore'), 'mine\n');
    const ignore = repository((dir) => symlinkSync(path.join(outside, 'gitignore'), path.join(dir, '.gitignore')));
    await expectRefusal(ignore, ['init', '--yes'], { code: 2, file: '.gitignore', says: 'outside the workspace' });
    const infra = repository((dir) => symlinkSync(outside, path.join(dir, 'infra')));
    await expectRefusal(infra, ['init', '--yes'], { code: 2, file: 'infra', says: 'outside the workspace' });
    expect(readdirSync(outside)).toEqual(['gitignore']);
    expect(readFileSync(path.join(outside, 'gitignore'), 'utf8')).toBe('mine\n');
  });
});
