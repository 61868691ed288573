import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, notFound } from '../install/support/fake-runner.js';
import { writeFiles } from '../install/support/temp-dir.js';
import { fakeEffects, machineRunner, runDoctor, tovplayWorkspace, withId, workspaceWith } from './support/doctor.js';

const tovplay = tovplayWorkspace;

const readyVenv = { 'backend/venv/pyvenv.cfg': 'version = 3.11.7\n', 'backend/venv/bin/python': '' };
const installedVite = (engines: string) => ({
  'frontend/node_modules/vite/package.json': `{\n  "name": "vite",\n  "version": "8.3.8",\n  "engines": {\n    "node": "${engines}"\n  }\n}\n`,
});

describe('toolchains: Python and the venv', () => {
  it('reports the Python found and a working venv', async () => {
    const run = await runDoctor(tovplay(readyVenv), ['toolchains']);
    expect(withId(run, 'toolchains/python')).toEqual([
      expect.objectContaining({ status: 'ok', message: expect.stringContaining('Python 3.11.7 (`python3`, /usr/bin/python3.11) meets the minimum 3.10') }),
    ]);
    expect(withId(run, 'toolchains/venv')).toEqual([
      expect.objectContaining({ status: 'ok', file: 'backend/venv', message: 'backend: backend/venv works (Python 3.11.7).' }),
    ]);
    expect(run.code).toBe(0);
  });

  it('fails without a usable Python when there is no venv yet, with the install command for the OS', async () => {
    const runner = machineRunner((command, args) =>
      command === 'python3' || command === 'python' || command === 'py' ? notFound : args.includes('-c') ? notFound : undefined,
    );
    const linux = await runDoctor(tovplay(), ['toolchains'], { effects: fakeEffects({ runner }) });
    expect(withId(linux, 'toolchains/python')).toEqual([
      expect.objectContaining({
        status: 'error',
        message: expect.stringContaining('no usable Python 3.10 or newer found'),
        hint: expect.stringContaining('sudo apt install python3'),
      }),
    ]);
    expect(linux.code).toBe(1);
    const windows = await runDoctor(tovplay(), ['toolchains'], { effects: fakeEffects({ runner }), platform: 'win32' });
    expect(withId(windows, 'toolchains/python')[0]?.hint).toContain('winget install Python.Python');
  });

  it('only warns without a Python when the venv works (it runs the backend; only a rebuild needs Python)', async () => {
    const runner = machineRunner((command) => (command === 'python3' || command === 'python' ? notFound : undefined));
    const run = await runDoctor(tovplay(readyVenv), ['toolchains'], { effects: fakeEffects({ runner }) });
    expect(withId(run, 'toolchains/python')[0]).toMatchObject({ status: 'warn', message: expect.stringContaining('The existing venv still works') });
    expect(run.code).toBe(0);
  });

  it('warns about a broken venv, naming it and why, with tovrun install as the fix', async () => {
    const noConfig = await runDoctor(tovplay({ 'backend/venv/bin/python': '' }), ['toolchains']);
    expect(withId(noConfig, 'toolchains/venv')).toEqual([
      expect.objectContaining({
        status: 'warn',
        file: 'backend/venv',
        message: 'backend: backend/venv is broken — its pyvenv.cfg is missing.',
        hint: expect.stringContaining('tovrun install'),
      }),
    ]);
    const runner = machineRunner((command) => (command.endsWith(path.join('venv', 'bin', 'python')) ? exited(1, 'dyld: Library not loaded') : undefined));
    const dead = await runDoctor(tovplay(readyVenv), ['toolchains'], { effects: fakeEffects({ runner }) });
    expect(withId(dead, 'toolchains/venv')[0]?.message).toContain('its interpreter no longer runs');
  });
});

describe("toolchains: Node against Vite's engines", () => {
  it("passes when tovrun's Node satisfies the installed Vite's engines.node, pointing at that file", async () => {
    const run = await runDoctor(tovplay(installedVite('^20.19.0 || >=22.12.0')), ['toolchains'], { effects: fakeEffects({ nodeVersion: '20.19.0' }) });
    expect(withId(run, 'toolchains/node')).toEqual([
      expect.objectContaining({
        status: 'ok',
        file: 'frontend/node_modules/vite/package.json',
        line: 4,
        message: 'frontend: Node 20.19.0 satisfies Vite 8.3.8 (engines.node ^20.19.0 || >=22.12.0).',
      }),
    ]);
  });

  it('fails for an older Node, with an install command for the OS (PowerShell-friendly winget on Windows)', async () => {
    const workspace = tovplay(installedVite('^20.19.0 || >=22.12.0'));
    const run = await runDoctor(workspace, ['toolchains'], { effects: fakeEffects({ nodeVersion: '20.10.0' }) });
    expect(withId(run, 'toolchains/node')[0]).toMatchObject({
      status: 'error',
      line: 4,
      message: expect.stringContaining('Node 20.10.0 does not satisfy Vite 8.3.8'),
      hint: expect.stringContaining('nvm install --lts'),
    });
    expect(run.code).toBe(1);
    const windows = await runDoctor(workspace, ['toolchains'], { effects: fakeEffects({ nodeVersion: '20.10.0' }), platform: 'win32' });
    expect(withId(windows, 'toolchains/node')[0]?.hint).toContain('winget install OpenJS.NodeJS.LTS');
  });

  it('reads the lockfile when Vite is not installed, else the declared major', async () => {
    const lock = '{\n  "packages": {\n    "node_modules/vite": { "version": "7.1.0", "engines": { "node": "^20.19.0 || >=22.12.0" } }\n  }\n}\n';
    const locked = await runDoctor(tovplay({ 'frontend/package-lock.json': lock }), ['toolchains'], { effects: fakeEffects({ nodeVersion: '18.20.0' }) });
    expect(withId(locked, 'toolchains/node')[0]).toMatchObject({
      status: 'error',
      file: 'frontend/package-lock.json',
      line: 3,
      message: expect.stringContaining('Vite 7.1.0'),
    });
    const declared = await runDoctor(tovplay({ 'frontend/package.json': '{\n  "devDependencies": {\n    "vite": "^5.4.0"\n  }\n}\n' }), ['toolchains'], {
      effects: fakeEffects({ nodeVersion: '18.20.0' }),
    });
    expect(withId(declared, 'toolchains/node')[0]).toMatchObject({
      status: 'ok',
      file: 'frontend/package.json',
      line: 3,
      message: expect.stringContaining('Vite ^5.4.0 (engines.node ^18.0.0 || >=20.0.0)'),
    });
  });
});

describe('toolchains: npm settings that drop devDependencies', () => {
  it('names omit=dev with its file and line in the project, user and global npmrc', async () => {
    const home = workspaceWith({ '.npmrc': 'fund=false\nomit=dev\n' });
    const prefix = workspaceWith({ 'etc/npmrc': 'production=true\n' });
    const workspace = tovplay({ 'frontend/.npmrc': 'legacy-peer-deps=true\nomit[]=dev\n' });
    const run = await runDoctor(workspace, ['toolchains'], { effects: fakeEffects({ homeDir: home, nodePath: path.join(prefix, 'bin', 'node') }) });
    const omits = withId(run, 'toolchains/npm-omit');
    expect(omits.map((item) => [item.status, item.file, item.line])).toHaveLength(3);
    expect(omits.map((item) => [item.status, item.file, item.line])).toEqual(
      expect.arrayContaining([
        ['warn', path.join(home, '.npmrc'), 2],
        ['warn', path.join(prefix, 'etc', 'npmrc'), 1],
        ['warn', 'frontend/.npmrc', 2],
      ]),
    );
    expect(omits.find((item) => item.file === 'frontend/.npmrc')).toMatchObject({
      message: expect.stringContaining('omit=dev in frontend/.npmrc'),
      hint: 'Delete line 2 (`omit=dev`) from frontend/.npmrc.',
    });
    expect(run.code).toBe(0);
  });

  it('names NODE_ENV=production and npm_config_omit in the environment, with the unset command for the shell', async () => {
    const env = { PATH: '/nowhere', NODE_ENV: 'production', npm_config_omit: 'dev' };
    const linux = await runDoctor(tovplay(), ['toolchains'], { env });
    expect(withId(linux, 'toolchains/npm-omit').map((item) => item.hint)).toEqual([
      expect.stringContaining('`unset NODE_ENV`'),
      expect.stringContaining('`unset npm_config_omit`'),
    ]);
    const windows = await runDoctor(tovplay(), ['toolchains'], { env, platform: 'win32' });
    expect(withId(windows, 'toolchains/npm-omit')[0]?.hint).toContain('`Remove-Item Env:NODE_ENV`');
  });

  it('passes when nothing drops devDependencies', async () => {
    expect(withId(await runDoctor(tovplay(), ['toolchains']), 'toolchains/npm-omit')).toEqual([expect.objectContaining({ status: 'ok' })]);
  });
});

describe('toolchains: compose provider', () => {
  /** docker-compose v1 installed; the engine answers `docker info` when running is true. */
  const composeRunner = (running: boolean) => async (command: string, args: readonly string[]) => {
    if (command === 'docker-compose' && args[0] === 'version') return { exitCode: 0, output: 'docker-compose version 1.29.2, build unknown' };
    if (command === 'docker' && args[0] === 'info')
      return running
        ? { exitCode: 0, output: 'Server Version: 20.10' }
        : { exitCode: 1, output: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' };
    return { exitCode: undefined, output: '', spawnError: 'ENOENT' };
  };

  it('says nothing without profiles, and checks provider and engine for the requested ones', async () => {
    expect(
      withId(await runDoctor(tovplay(), ['toolchains'], { effects: fakeEffects({ runner: composeRunner(true) }) }), 'toolchains/compose-provider'),
    ).toEqual([]);
    const running = await runDoctor(tovplay(), ['toolchains'], { options: { profiles: ['local-db'] }, effects: fakeEffects({ runner: composeRunner(true) }) });
    expect(withId(running, 'toolchains/compose-provider')).toEqual([
      expect.objectContaining({
        status: 'ok',
        message: expect.stringMatching(
          /^docker-compose 1\.29\.2 with the engine at unix:\/\/\/var\/run\/docker\.sock \(local, the default\): .*answered in \d+ ms, for the profiles local-db\.$/,
        ),
      }),
    ]);
    const stopped = await runDoctor(tovplay(), ['toolchains'], {
      options: { profiles: ['local-db'] },
      effects: fakeEffects({ runner: composeRunner(false) }),
      env: { PATH: '/usr/bin', TOVRUN_PROFILES: 'monitoring' },
    });
    const [finding] = withId(stopped, 'toolchains/compose-provider');
    expect(finding).toMatchObject({ status: 'error', message: expect.stringContaining('local-db, monitoring') });
    expect(finding?.hint).toMatch(/start the docker service/i);
    expect(stopped.code).toBe(1);
  });
});

describe('toolchains without python or node services', () => {
  it('reports nothing about them', async () => {
    const run = await runDoctor(writeFiles(workspaceWith({}), { '.env.template': 'A=1\n', '.env': 'A=1\n', 'tovrun.yaml': 'version: 1\npreset: none\n' }), [
      'toolchains',
    ]);
    expect(run.findings).toEqual([]);
    expect(run.code).toBe(0);
  });
});
