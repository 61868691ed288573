import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFingerprint } from '../../src/install/install-node.js';
import { pythonFingerprint } from '../../src/install/install-python.js';
import { stampFile, writeStamp } from '../../src/install/stamp.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { runDoctor, tovplayWorkspace, withId, workspaceWith } from './support/doctor.js';

/** Runs only the dependencies check with a PATH holding no npm (so the fake runner answers `npm --version`). */
const dependencies = (root: string) => runDoctor(root, ['dependencies'], { env: { PATH: '/nowhere' } });

const tovplay = tovplayWorkspace;

/** A workspace installed as `tovrun install` leaves it: venv, node_modules, and stamps matching the fake machine. */
async function installed(extra: Record<string, string> = {}): Promise<string> {
  const root = tovplay({
    'backend/venv/pyvenv.cfg': 'version = 3.11.7\n',
    'backend/venv/bin/python': '',
    'frontend/node_modules/.package-lock.json': '{}',
    ...extra,
  });
  const workspace = loadWorkspace(root);
  for (const service of workspace.services) {
    const fingerprint =
      service.type === 'python'
        ? pythonFingerprint(service, { root }, [3, 11, 7])
        : service.type === 'node'
          ? nodeFingerprint(service, { root }, { node: 'v22.12.0', npm: '10.9.0' })
          : undefined;
    if (fingerprint) await writeStamp(stampFile(workspace.stateDir, service.name), service.name, fingerprint);
  }
  return root;
}

describe('dependencies', () => {
  it('passes when the stamps match what is on disk', async () => {
    const run = await dependencies(await installed());
    expect(withId(run, 'dependencies/up-to-date').map((item) => [item.status, item.file])).toEqual([
      ['ok', 'backend/requirements.txt'],
      ['ok', 'frontend/package.json'],
    ]);
    expect(run.code).toBe(0);
  });

  it('probes the venv afresh and remembers nothing under .tovrun (the doctor only reads)', async () => {
    const root = await installed();
    writeFileSync(path.join(root, 'backend', 'venv', 'pyvenv.cfg'), `home = ${root}\nversion = 3.11.7\n`);
    const run = await dependencies(root);
    expect(withId(run, 'dependencies/up-to-date')).toHaveLength(2);
    expect(existsSync(path.join(root, '.tovrun', 'venv-probes'))).toBe(false);
  });

  it('warns, with tovrun install as the fix, when nothing is installed yet — and writes nothing', async () => {
    const root = tovplay();
    const run = await dependencies(root);
    expect(withId(run, 'dependencies/outdated').map((item) => [item.file, item.message])).toEqual([
      ['backend/requirements.txt', 'backend: packages not installed or out of date — backend/venv does not exist yet.'],
      ['frontend/package.json', 'frontend: packages not installed or out of date — frontend/node_modules is missing or incomplete.'],
    ]);
    expect(withId(run, 'dependencies/outdated')[0]?.hint).toContain('tovrun install');
    expect(run.code).toBe(0);
    expect(existsSync(path.join(root, '.tovrun'))).toBe(false);
  });

  it('says which file changed since the last install', async () => {
    const root = await installed();
    writeFileSync(path.join(root, 'backend', 'requirements.txt'), 'flask\nrequests\n');
    writeFileSync(path.join(root, 'frontend', 'package.json'), '{"devDependencies": {"vite": "^8.4.0"}}\n');
    const run = await dependencies(root);
    expect(withId(run, 'dependencies/outdated').map((item) => item.message)).toEqual([
      'backend: packages not installed or out of date — backend/requirements.txt changed.',
      'frontend: packages not installed or out of date — frontend/package.json changed.',
    ]);
  });

  it('fails when a requirements file or package.json is missing or broken', async () => {
    const run = await dependencies(tovplay({ 'frontend/package.json': '{ not json' }));
    expect(withId(run, 'dependencies/cannot-check').map((item) => item.file)).toEqual(['frontend/package.json']);
    const missing = workspaceWith({ '.env.template': 'A=1\n', '.env': 'A=1\n', 'tovrun.yaml': 'version: 1\n' });
    const none = await dependencies(missing);
    expect(withId(none, 'dependencies/cannot-check').map((item) => [item.status, item.file, item.message])).toEqual([
      ['error', 'tovplay-backend/requirements.txt', 'backend: requirements file tovplay-backend/requirements.txt not found.'],
      ['error', 'tovplay-frontend/package.json', 'frontend: no package.json in tovplay-frontend.'],
    ]);
    expect(none.code).toBe(1);
  });

  it('leaves a broken venv to toolchains/venv', async () => {
    const run = await dependencies(tovplay({ 'backend/venv/bin/python': '' }));
    expect(run.findings.filter((item) => item.message.startsWith('backend:'))).toEqual([]);
  });

  it('notes bin-links=false with its file and line, as a pass: tovrun runs vite with node', async () => {
    const run = await dependencies(await installed({ 'frontend/.npmrc': 'audit=false\nbin-links=false\n' }));
    expect(withId(run, 'dependencies/bin-links')).toEqual([
      expect.objectContaining({
        status: 'ok',
        file: 'frontend/.npmrc',
        line: 2,
        message: expect.stringContaining('npm creates no node_modules/.bin; tovrun runs package binaries (vite) with node directly'),
      }),
    ]);
  });
});
