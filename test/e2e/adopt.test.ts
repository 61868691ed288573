// The adoption path as a new user walks it: the packed tarball's `tovrun init` in a TovPlay-shaped repository (backend/
// Flask, frontend/ Vite with bin-links=false, no root package.json, stale per-folder files), then the launcher the
// init wrote: `./tovrun --check` installs the pinned tovrun and checks, `./tovrun` brings both services up, Ctrl-C
// leaves nothing, and the adopted SETUP.md's marked commands run as written.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLinuxBlocks } from '../docs/extract.js';
import { installTarball, packTarball } from '../support/installed-package.js';
import { lockDemoPorts } from '../support/port-lock.js';
import { pollUntil, processesUnder, repoRoot, runCli, startProgram } from '../support/processes.js';

/** A repository shaped like TovPlay's: the demo's Flask and Vite apps under backend/ and frontend/. */
function tovplayShapedRepository(): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-adopt-')), 'TovPlay');
  mkdirSync(root);
  cpSync(path.join(repoRoot, 'templates/demo/backend'), path.join(root, 'backend'), { recursive: true });
  cpSync(path.join(repoRoot, 'templates/demo/frontend'), path.join(root, 'frontend'), { recursive: true });
  writeFileSync(path.join(root, 'frontend/.npmrc'), 'bin-links=false\n');
  writeFileSync(path.join(root, 'backend/.env.example'), 'SECRET_KEY=changeme\nFLASK_APP=app.py\n');
  writeFileSync(path.join(root, 'backend/docker-compose.yml'), 'services:\n  db:\n    image: postgres:15\n');
  return root;
}

describe('adopting tovrun in a TovPlay-shaped repository from the packed tarball', () => {
  let root: string;
  let tarball: string;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    release = await lockDemoPorts();
    tarball = packTarball().file;
    root = tovplayShapedRepository();
    const init = await runCli(root, ['init', '--yes', '--tovrun-spec', tarball], process.env, installTarball(tarball));
    expect(init.code, init.output).toBe(0);
  }, 120_000);

  afterAll(() => release());

  it('init pinned the tarball in a new private package.json and wrote both launchers', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ private: true, scripts: { dev: 'tovrun' }, devDependencies: { tovrun: `file:${tarball}` } });
    expect(readFileSync(path.join(root, 'tovrun.cmd'), 'utf8')).toContain('\r\n');
  });

  it('./tovrun --check --json installs the pinned tovrun on first use (on stderr) and reports only the expected warnings', async () => {
    const env = { ...process.env, NO_COLOR: '1' };
    const child = spawnSync(path.join(root, 'tovrun'), ['--check', '--json'], { cwd: root, env, encoding: 'utf8', timeout: 180_000 });
    expect(child.stderr).toContain('installing the root dependencies');
    expect(child.status, child.stderr).toBe(0);
    const findings = JSON.parse(child.stdout) as { id: string; status: string; file: string | null; message: string }[];
    const notOk = findings.filter((finding) => finding.status !== 'ok' && !finding.id.startsWith('database/'));
    const warnings = notOk.map((finding) => `${finding.id} ${finding.file}`);
    expect(warnings.sort(), JSON.stringify(notOk, null, 1)).toEqual([
      'dependencies/outdated backend/requirements.txt',
      'dependencies/outdated frontend/package.json',
      'hygiene/stale-copy backend/.env.example',
      'hygiene/stale-copy backend/docker-compose.yml',
    ]);
    expect(findings.filter((finding) => finding.status === 'error')).toEqual([]);
  }, 200_000);

  it('./tovrun (tovrun already installed, so no npm install) installs both services, brings them up, and Ctrl-C leaves nothing', async () => {
    const run = startProgram(root, path.join(root, 'tovrun'), []);
    await run.waitForOutput(/Ready:\n {2}backend .*\n {2}frontend /, 200_000);
    expect(run.output()).not.toContain('installing the root dependencies');
    expect(await (await fetch('http://127.0.0.1:5001/health')).text()).toContain('ok');
    expect(await (await fetch('http://127.0.0.1:3000/')).text()).toContain('tovrun demo');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(await pollUntil(() => processesUnder(root).length === 0, 5_000)).toBe(true);
  }, 240_000);

  it("the adopted SETUP.md's marked commands run verbatim in the adopted repository", () => {
    const blocks = extractLinuxBlocks('SETUP.md', readFileSync(path.join(root, 'SETUP.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      const result = spawnSync('bash', ['-e', '-c', block.script], {
        cwd: root,
        env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status, `SETUP.md:${block.line}\n${block.script}\n--- output ---\n${result.stdout}${result.stderr}`).toBe(0);
    }
  }, 120_000);

  it('a second tovrun init changes nothing', async () => {
    const before = readFileSync(path.join(root, 'package.json'), 'utf8');
    const again = await runCli(root, ['init', '--yes', '--tovrun-spec', tarball], process.env, path.join(root, 'node_modules/tovrun/bin/tovrun.js'));
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain('Nothing to do');
    expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe(before);
  });
});
