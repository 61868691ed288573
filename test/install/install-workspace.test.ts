import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FailedError, UsageError } from '../../src/errors.js';
import { installWorkspace } from '../../src/install/install-workspace.js';
import { stampFile } from '../../src/install/stamp.js';
import { memoryContext } from '../support/memory-context.js';
import { fakeTools, fakeWorkspace } from './support/fake-workspace.js';

// PATH is empty so npm's version is asked of the fake runner rather than read from the real npm.
const context = (cwd: string) => memoryContext(cwd, { env: { PATH: '', NODE_ENV: 'production', npm_config_omit: 'dev' } });

describe('installWorkspace', () => {
  it('creates the venv, upgrades pip, installs both services in parallel and stamps them', async () => {
    const workspace = fakeWorkspace();
    const runner = fakeTools();
    const ctx = context(workspace.root);
    const result = await installWorkspace(ctx, workspace, { reinstall: false, runner });
    expect(result.services.map((service) => [service.name, service.status])).toEqual([
      ['backend', 'installed'],
      ['frontend', 'installed'],
    ]);
    const lines = runner.commandLines();
    const venvPython = path.join(workspace.root, 'backend', 'venv', 'bin', 'python');
    expect(lines).toContain(`/usr/bin/python3 -m venv ${path.join(workspace.root, 'backend', 'venv')}`);
    expect(lines.indexOf(`${venvPython} -m pip install --disable-pip-version-check --no-input --upgrade pip`)).toBeLessThan(
      lines.findIndex((line) => line.includes(' -r ')),
    );
    expect(lines).toContain('npm install --include=dev --no-audit --no-fund --legacy-peer-deps --ignore-scripts');
    const npmCall = runner.calls.find((call) => call.args[0] === 'install');
    expect(npmCall?.options.env).toEqual({ PATH: '' });
    expect(existsSync(stampFile(workspace.stateDir, 'backend'))).toBe(true);
    expect(JSON.parse(readFileSync(stampFile(workspace.stateDir, 'backend'), 'utf8')).fingerprint.files).toHaveProperty('backend/base.txt');
    expect(ctx.stdout.text()).toContain('backend: installed in');
  });

  it('installs nothing on the second run and says up to date per service; --reinstall forces', async () => {
    const workspace = fakeWorkspace();
    await installWorkspace(context(workspace.root), workspace, { reinstall: false, runner: fakeTools() });
    const second = fakeTools();
    const ctx = context(workspace.root);
    const result = await installWorkspace(ctx, workspace, { reinstall: false, runner: second });
    expect(result.services.map((service) => service.status)).toEqual(['up-to-date', 'up-to-date']);
    expect(second.commandLines().filter((line) => / -m (pip|venv) |^npm install/.test(line))).toEqual([]);
    expect(ctx.stdout.text()).toBe('✔ backend: up to date\n✔ frontend: up to date\n');
    const forced = fakeTools();
    await installWorkspace(context(workspace.root), workspace, { reinstall: true, runner: forced });
    expect(forced.commandLines().filter((line) => line.includes(' -r ') || line.startsWith('npm install'))).toHaveLength(2);
    expect(forced.commandLines().some((line) => line.includes(' -m venv '))).toBe(false);
  });

  it('ticks up-to-date services in green when tovrun shows colour, whatever its own process.stdout is', async () => {
    const workspace = fakeWorkspace();
    await installWorkspace(context(workspace.root), workspace, { reinstall: false, runner: fakeTools() });
    const ctx = memoryContext(workspace.root, { env: { PATH: '', FORCE_COLOR: '1' } });
    await installWorkspace(ctx, workspace, { reinstall: false, runner: fakeTools() });
    expect(ctx.stdout.text()).toBe('\u001b[32m✔\u001b[39m backend: up to date\n\u001b[32m✔\u001b[39m frontend: up to date\n');
  });

  it('reinstalls only the service whose nested requirements file changed, and says why', async () => {
    const workspace = fakeWorkspace();
    await installWorkspace(context(workspace.root), workspace, { reinstall: false, runner: fakeTools() });
    appendFileSync(path.join(workspace.root, 'backend', 'base.txt'), 'itsdangerous\n');
    const runner = fakeTools();
    const ctx = context(workspace.root);
    const result = await installWorkspace(ctx, workspace, { reinstall: false, runner });
    expect(result.services.map((service) => service.status)).toEqual(['installed', 'up-to-date']);
    expect(result.services[0]?.reason).toBe('backend/base.txt changed');
    expect(runner.commandLines().some((line) => line.startsWith('npm install'))).toBe(false);
  });

  it('reports a failing service with its labelled tail, keeps the other one installed and stamped, and throws exit 1', async () => {
    const workspace = fakeWorkspace();
    const ctx = context(workspace.root);
    const error = await installWorkspace(ctx, workspace, { reinstall: false, runner: fakeTools({ pipFails: true }) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FailedError);
    expect((error as FailedError).message).toBe('install failed for backend (frontend installed).');
    expect(ctx.stderr.text()).toContain('backend | ERROR: No matching distribution found for nope');
    expect(ctx.stderr.text()).toContain('backend: hint:');
    expect(existsSync(stampFile(workspace.stateDir, 'backend'))).toBe(false);
    expect(existsSync(stampFile(workspace.stateDir, 'frontend'))).toBe(true);
  });

  it('installs again when node_modules/.package-lock.json is gone even though the stamp matches', async () => {
    const workspace = fakeWorkspace();
    await installWorkspace(context(workspace.root), workspace, { reinstall: false, runner: fakeTools() });
    rmSync(path.join(workspace.root, 'frontend', 'node_modules'), { recursive: true });
    const result = await installWorkspace(context(workspace.root), workspace, { reinstall: false, runner: fakeTools() });
    expect(result.services[1]).toMatchObject({ status: 'installed', reason: 'frontend/node_modules is missing or incomplete' });
  });

  it('installs only the named services and rejects unknown names', async () => {
    const workspace = fakeWorkspace();
    const runner = fakeTools();
    const result = await installWorkspace(context(workspace.root), workspace, { reinstall: false, services: ['frontend'], runner });
    expect(result.services.map((service) => service.name)).toEqual(['frontend']);
    await expect(installWorkspace(context(workspace.root), workspace, { reinstall: false, services: ['db'], runner })).rejects.toBeInstanceOf(UsageError);
  });
});
