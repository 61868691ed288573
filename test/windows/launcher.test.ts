// The Windows lane: the tovrun.cmd launcher that `tovrun init` writes, run by Wine's cmd.exe in a repository whose
// pinned tovrun is installed (node_modules/tovrun is this checkout, npm's install record newer than package.json):
// it runs the pinned tovrun under node.exe with every argument and returns its exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cmdLauncher } from '../../src/init/launchers.js';
import { wineEnv } from '../setup/wine.js';
import { repoRoot } from '../support/processes.js';
import { describeLane, lane, laneTempDir, runWindowsCli, windowsPath } from './support/lane.js';

/** A TovPlay-shaped repository (in a folder with a space) where tovrun is pinned and installed, with its tovrun.cmd. */
function adoptedRepository(): string {
  const root = laneTempDir('tovrun lane launcher-');
  writeFileSync(path.join(root, 'package.json'), '{"private":true,"devDependencies":{"tovrun":"0.1.0"}}\n');
  mkdirSync(path.join(root, 'node_modules'));
  symlinkSync(repoRoot, path.join(root, 'node_modules', 'tovrun'));
  writeFileSync(path.join(root, 'node_modules', '.package-lock.json'), '{}\n');
  writeFileSync(path.join(root, 'tovrun.cmd'), cmdLauncher());
  writeFileSync(path.join(root, '.env.template'), 'SECRET_KEY=\n');
  writeFileSync(path.join(root, '.env'), 'SECRET_KEY=lane-only\n');
  writeFileSync(path.join(root, 'tovrun.yaml'), 'version: 1\npreset: none\nservices: {}\n');
  return root;
}

/** Runs `cmd /d /c tovrun.cmd args` in root with node.exe's folder on PATH; its output goes to a file (not a pipe). */
function runLauncher(root: string, args: string): { code: number | null; output: string } {
  const output = path.join(root, 'launcher-output.txt');
  const [nodeDir] = windowsPath(path.dirname(lane.nodeExe));
  const result = spawnSync('sh', ['-c', `wine cmd /d /c tovrun.cmd ${args} > "$0" 2>&1`, output], {
    cwd: root,
    env: wineEnv(lane.prefix, { WINEPATH: nodeDir }),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, output: readFileSync(output, 'utf8').replaceAll('\r', '') };
}

describeLane('tovrun.cmd in cmd.exe', () => {
  it('runs the pinned tovrun: --version prints the version and exits 0', () => {
    const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const run = runLauncher(adoptedRepository(), '--version');
    expect(run.output.trim().split('\n').at(-1)).toBe(version);
    expect(run.code).toBe(0);
  });

  it('--check gives the exit code of running tovrun directly, and a bad flag its usage error (2)', async () => {
    const root = adoptedRepository();
    const launched = runLauncher(root, '--check');
    const direct = await runWindowsCli(root, ['--check'], { timeoutMs: 120_000 });
    expect(launched.output).toContain('[env/ok]');
    expect(launched.code).toBe(direct.code);
    const failing = runLauncher(root, '--check --no-such-flag');
    expect(failing.code).toBe(2);
    expect(failing.output).toContain('--no-such-flag');
  });
});
