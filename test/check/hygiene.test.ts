import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnRunner } from '../../src/os/spawn-runner.js';
import { systemRunner } from '../../src/os/system-runner.js';
import { platformFor } from '../../src/platform/platform.js';
import { repositoryRoot } from '../env/support/workspace.js';
import { fakeRunner, notFound } from '../install/support/fake-runner.js';
import { type DoctorRun, fakeEffects, runDoctor, withId, workspaceWith } from './support/doctor.js';

const base = {
  '.env.template': 'APP=1\n# @secret\nSECRET_KEY=dev-only-change-me\n',
  '.env': 'APP=1\nSECRET_KEY=local\n',
  'tovrun.yaml': 'version: 1\npreset: none\n',
};

/** Runs the hygiene check with real git. */
const hygiene = (root: string, platform: NodeJS.Platform = 'linux'): Promise<DoctorRun> =>
  runDoctor(root, ['hygiene'], { effects: fakeEffects({ runner: spawnRunner }), env: { PATH: process.env.PATH ?? '' }, platform });

function gitRepository(files: Record<string, string>): string {
  const root = workspaceWith(files);
  execFileSync('git', ['init', '-q', root]);
  return root;
}

describe('hygiene: .env and git', () => {
  it('passes when .env is ignored and not tracked', async () => {
    const run = await hygiene(gitRepository({ ...base, '.gitignore': '.env\n' }));
    expect(withId(run, 'hygiene/env-ignored')).toEqual([expect.objectContaining({ status: 'ok', message: '.env is ignored by git and not tracked.' })]);
  });

  it('fails when .env is not ignored, with the line to add for the shell', async () => {
    const root = gitRepository(base);
    const run = await hygiene(root);
    expect(withId(run, 'hygiene/env-not-ignored')).toEqual([
      expect.objectContaining({ status: 'error', file: '.gitignore', hint: `Run \`echo '.env' >> .gitignore\` in ${root}.` }),
    ]);
    expect(run.code).toBe(1);
    expect(withId(await hygiene(root, 'win32'), 'hygiene/env-not-ignored')[0]?.hint).toContain("`Add-Content .gitignore '.env'`");
  });

  it('fails when .env is tracked, even if .gitignore lists it now', async () => {
    const root = gitRepository({ ...base, '.gitignore': '.env\n' });
    execFileSync('git', ['-C', root, 'add', '-f', '.env']);
    const run = await hygiene(root);
    expect(withId(run, 'hygiene/env-tracked')).toEqual([
      expect.objectContaining({ status: 'error', file: '.env', hint: expect.stringContaining('git rm --cached .env') }),
    ]);
    expect(withId(run, 'hygiene/env-not-ignored')).toEqual([]);
  });

  it('skips, as a pass, outside a git repository or without git; warns when git hangs', async () => {
    expect(withId(await hygiene(workspaceWith(base)), 'hygiene/git')).toEqual([
      expect.objectContaining({ status: 'ok', message: expect.stringContaining('not a git repository') }),
    ]);
    const noGit = await runDoctor(workspaceWith(base), ['hygiene'], { effects: fakeEffects({ runner: fakeRunner(() => notFound) }) });
    expect(withId(noGit, 'hygiene/git')[0]).toMatchObject({
      message: expect.stringContaining('git was not found on PATH'),
      hint: expect.stringContaining('https://git-scm.com/downloads'),
    });
    const hung = await runDoctor(workspaceWith(base), ['hygiene'], {
      effects: fakeEffects({ runner: fakeRunner(() => ({ exitCode: undefined, output: '' })) }),
    });
    expect(withId(hung, 'hygiene/git')[0]).toMatchObject({ status: 'warn', message: expect.stringContaining('did not answer within 5 s') });
  });
});

describe('hygiene on Windows without git (issue 15, defect 6)', () => {
  // execa used to start an unknown git through cmd.exe, whose "not recognized" exit 1 is check-ignore's "not ignored":
  // a false error. The real runner for Windows now looks git up with PATHEXT and reports it not found.
  it('says git was not found, with the Windows install hint, never ".env is not ignored"', async () => {
    const run = await runDoctor(workspaceWith(base), ['hygiene'], {
      effects: fakeEffects({ runner: systemRunner(platformFor('win32')) }),
      env: { Path: 'C:\\no-git-here', PATHEXT: '.COM;.EXE;.BAT;.CMD' },
      platform: 'win32',
    });
    expect(withId(run, 'hygiene/env-not-ignored')).toEqual([]);
    expect(withId(run, 'hygiene/git')).toEqual([
      expect.objectContaining({
        status: 'ok',
        message: 'git was not found on PATH; whether .env is ignored by git was not checked.',
        hint: expect.stringContaining('winget install Git.Git'),
      }),
    ]);
  });
});

describe('hygiene: secrets in .env.template', () => {
  const realLooking = 'Zq8vLr2pXw5nTb7kYc3m';
  const token = `ghp_${'A1b2C3d4'.repeat(5)}`;

  it('fails for each real-looking secret at its line, never printing it', async () => {
    const root = workspaceWith({
      ...base,
      '.env.template': `APP=1\n# @secret\nSECRET_KEY=${realLooking}\nGITHUB_HELPER=${token}\nDATABASE_URL=postgresql://u:${realLooking}@db/x\n`,
    });
    const run = await runDoctor(root, ['hygiene']);
    expect(withId(run, 'hygiene/template-secret').map((item) => [item.status, item.file, item.line])).toEqual([
      ['error', '.env.template', 3],
      ['error', '.env.template', 4],
      ['error', '.env.template', 5],
    ]);
    expect(withId(run, 'hygiene/template-secret')[0]?.message).toBe(
      'SECRET_KEY in .env.template looks like a real secret — the template is committed, so everyone with the repository has it.',
    );
    expect(JSON.stringify(run.findings)).not.toContain(realLooking);
    expect(JSON.stringify(run.findings)).not.toContain(token);
  });

  it('passes placeholders, and the template tovrun ships', async () => {
    expect(withId(await runDoctor(workspaceWith(base), ['hygiene']), 'hygiene/template-secrets')).toEqual([expect.objectContaining({ status: 'ok' })]);
    const shipped = workspaceWith({ '.env': '', 'tovrun.yaml': 'version: 1\npreset: none\n' });
    copyFileSync(path.join(repositoryRoot, '.env.template'), path.join(shipped, '.env.template'));
    expect(withId(await runDoctor(shipped, ['hygiene']), 'hygiene/template-secret')).toEqual([]);
  });
});

describe('hygiene: stale copies from before the consolidation', () => {
  const stale = {
    ...base,
    'docker-compose.yml': 'services:\n  db:\n    image: postgres:15\n  backend:\n    build: .\n',
    'tovplay-backend/.env.template': 'APP=2\nOLD_FLAG=1\n',
    'tovplay-frontend/.env.development': 'APP=1\nSECRET_KEY=dev-only-change-me\n',
    '.claude/infra/docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:14\n  cache:\n    image: redis\n',
    'tovplay-backend/node_modules/pkg/.env.example': 'X=1\n',
    'tovplay-backend/venv/pyvenv.cfg': 'home = /usr/bin\n',
    'tovplay-backend/venv/lib/.env': 'X=1\n',
    'test/fixtures/x/.env.template': 'X=1\n',
  };

  it('warns for each, with its path and the keys (never values) that differ from the root files', async () => {
    const run = await runDoctor(workspaceWith(stale), ['hygiene']);
    expect(withId(run, 'hygiene/stale-copy').map((item) => [item.status, item.file, item.message])).toEqual([
      [
        'warn',
        '.claude/infra/docker-compose.prod.yml',
        '.claude/infra/docker-compose.prod.yml is not used by tovrun; remove it (against docker-compose.yml: services only here: cache; different definitions: db; missing here: backend).',
      ],
      [
        'warn',
        'tovplay-backend/.env.template',
        'tovplay-backend/.env.template is not used by tovrun; remove it (against .env.template: keys only here: OLD_FLAG; different values: APP; missing here: SECRET_KEY).',
      ],
      ['warn', 'tovplay-frontend/.env.development', 'tovplay-frontend/.env.development is not used by tovrun; remove it (same keys as .env.template).'],
    ]);
    expect(withId(run, 'hygiene/stale-copy')[1]?.hint).toBe('Move anything still needed into the root file, then run `rm tovplay-backend/.env.template`.');
    expect(run.code).toBe(0);
  });

  it('writes the removal for PowerShell on Windows', async () => {
    const run = await runDoctor(workspaceWith(stale), ['hygiene'], { platform: 'win32' });
    expect(withId(run, 'hygiene/stale-copy')[1]?.hint).toContain('`Remove-Item tovplay-backend\\.env.template`');
  });

  it('passes without copies', async () => {
    expect(withId(await runDoctor(workspaceWith(base), ['hygiene']), 'hygiene/stale-copies')).toEqual([expect.objectContaining({ status: 'ok' })]);
  });
});
