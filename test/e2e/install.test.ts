// Real Python, pip and npm through the built CLI, on one workspace copied from test/fixtures/install/workspace.
// The scenarios run in order: a cold install in beforeAll, then each test changes one thing and runs install again.
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(repoRoot, 'test', 'fixtures', 'install', 'workspace');
const cli = path.join(repoRoot, 'bin', 'tovrun.js');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in cwd with the test environment plus NODE_ENV=production and npm_config_omit=dev. */
function tovrun(cwd: string, ...args: string[]): Promise<CliRun> {
  const env = { ...process.env, NODE_ENV: 'production', npm_config_omit: 'dev', CI: '1' };
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env, timeout: 110_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Runs python code with the venv's interpreter; resolves with what it printed. */
function venvPython(root: string, code: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(path.join(root, 'backend', 'venv', 'bin', 'python'), ['-c', code], (error, stdout) => (error ? reject(error) : resolve(stdout.trim())));
  });
}

const installedAt = (root: string, service: string): string =>
  JSON.parse(readFileSync(path.join(root, '.tovrun', 'stamps', `${service}.json`), 'utf8')).installedAt;

describe('tovrun install (real python and npm)', () => {
  let root: string;
  let cold: CliRun;

  beforeAll(async () => {
    root = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-e2e-install-')), 'workspace');
    cpSync(fixture, root, { recursive: true });
    cold = await tovrun(root, 'install');
  }, 120_000);

  it('installs both services from nothing: Flask imports from the venv and Vite is there despite NODE_ENV=production and omit=dev', async () => {
    expect(cold.stderr).toBe('');
    expect(cold.code).toBe(0);
    expect(cold.stdout).toContain('backend: creating backend/venv with');
    expect(cold.stdout).toContain('frontend: npm install --include=dev');
    expect(await venvPython(root, 'import flask, sys; print(sys.prefix)')).toBe(path.join(root, 'backend', 'venv'));
    expect(existsSync(path.join(root, 'frontend', 'node_modules', 'vite', 'package.json'))).toBe(true);
    expect(existsSync(path.join(root, '.tovrun', 'stamps', 'backend.json'))).toBe(true);
  });

  it('installs nothing on the second run and says up to date per service', async () => {
    const before = [installedAt(root, 'backend'), installedAt(root, 'frontend')];
    const warm = await tovrun(root, 'install');
    expect(warm.code).toBe(0);
    expect(warm.stdout).toBe('✔ backend: up to date\n✔ frontend: up to date\n');
    expect([installedAt(root, 'backend'), installedAt(root, 'frontend')]).toEqual(before);
  });

  it('reinstalls only the backend after requirements.txt changes', async () => {
    const frontendBefore = installedAt(root, 'frontend');
    appendFileSync(path.join(root, 'backend', 'requirements.txt'), '# touched\n');
    const run = await tovrun(root, 'install');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('backend (backend/requirements.txt changed)');
    expect(run.stdout).toContain('✔ frontend: up to date');
    expect(run.stdout).toMatch(/backend: installed in/);
    expect(installedAt(root, 'frontend')).toBe(frontendBefore);
  });

  it('fails with a labelled, readable error for a broken requirement while the frontend still installs and keeps its stamp', async () => {
    const requirements = path.join(root, 'backend', 'requirements.txt');
    const good = readFileSync(requirements, 'utf8');
    writeFileSync(requirements, `${good}tovrun-no-such-package-xyz==9.9.9\n`);
    rmSync(path.join(root, '.tovrun', 'stamps', 'frontend.json'));
    const run = await tovrun(root, 'install');
    writeFileSync(requirements, good);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('backend: pip install -r requirements.txt exited with code 1');
    expect(run.stderr).toMatch(/backend \| ERROR: .*tovrun-no-such-package-xyz/);
    expect(run.stderr).toContain('backend: hint: Check the spelling and version');
    expect(run.stderr).toContain('tovrun: install failed for backend (frontend installed).');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(root, '.tovrun', 'stamps', 'frontend.json'))).toBe(true);
    expect(existsSync(path.join(root, '.tovrun', 'stamps', 'backend.json'))).toBe(false);
  });

  it('rebuilds a venv whose pyvenv.cfg was deleted, saying why', async () => {
    rmSync(path.join(root, 'backend', 'venv', 'pyvenv.cfg'));
    const run = await tovrun(root, 'install');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('backend (backend/venv is broken: its pyvenv.cfg is missing)');
    expect(run.stdout).toContain('backend: removing backend/venv: its pyvenv.cfg is missing');
    expect(existsSync(path.join(root, 'backend', 'venv', 'pyvenv.cfg'))).toBe(true);
    expect(await venvPython(root, 'import flask; print("ok")')).toBe('ok');
  });

  it('prints the activation of that venv for the shell asked for', async () => {
    const run = await tovrun(path.join(root, 'frontend'), 'env', '--shell', 'bash');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`export VIRTUAL_ENV='${path.join(root, 'backend', 'venv')}'`);
  });
});
