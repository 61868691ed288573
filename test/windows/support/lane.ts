// The Windows lane's harness: runs the built CLI as a Windows program (`wine node.exe Z:\…\bin\tovrun.js …`) in the
// prefix the e2e global setup prepared (test/setup/wine.ts), with node.exe's stdout and stderr in files (a Linux pipe
// gives node.exe EBADF), waits for its exit, reads what it printed, and kills what a test left behind.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, inject, it } from 'vitest';
import { type WindowsLane, wineEnv } from '../../setup/wine.js';
import { cliPath, processesUnder } from '../../support/processes.js';

/** The lane the global setup prepared. */
export const lane: WindowsLane = inject('windowsLane');

/**
 * A describe block that runs only when the lane is available: skipped with the reason in its title outside CI, and a
 * failing test under CI=true (where the set-up must have provided Wine).
 */
export function describeLane(title: string, body: () => void): void {
  if (lane.available) describe(title, body);
  else if (process.env.CI === 'true')
    describe(title, () =>
      it('has a Windows lane (Wine and node.exe)', () => {
        throw new Error(`the Windows lane is missing under CI=true: ${lane.reason}`);
      }),
    );
  else describe.skip(`${title} (skipped: ${lane.reason})`, body);
}

const windowsPaths = new Map<string, string>();

/** The Windows form of Linux paths (`winepath -w`, one Wine start for all of them), e.g. Z:\tmp\x. */
export function windowsPath(...files: string[]): string[] {
  const unknown = files.filter((file) => !windowsPaths.has(file));
  if (unknown.length > 0) {
    const result = spawnSync('winepath', ['-w', ...unknown], { env: wineEnv(lane.prefix), encoding: 'utf8', timeout: 60_000 });
    const lines = result.stdout.split('\n').map((line) => line.replace(/\r$/, ''));
    unknown.forEach((file, index) => {
      const converted = lines[index];
      if (!converted) throw new Error(`winepath -w ${file} printed nothing: ${result.stderr}`);
      windowsPaths.set(file, converted);
    });
  }
  return files.map((file) => windowsPaths.get(file) as string);
}

/** How a lane run is started: its working folder (Linux path), extra environment, folders put first on Windows' PATH. */
export interface LaneRunOptions {
  env?: NodeJS.ProcessEnv;
  /** Linux folders prepended to the Windows PATH (through WINEPATH). */
  path?: string[];
}

/** tovrun running under node.exe: what it printed so far (stdout and stderr files), and its end. */
export interface WindowsCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout or stderr matches pattern (polled); rejects with both after timeoutMs or when tovrun exits first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** Resolves with the exit code (128+n for a signal). */
  exited: Promise<number>;
}

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** Starts `wine node.exe <worktree>\bin\tovrun.js args` in cwd. */
export function startWindowsCli(cwd: string, args: string[], options: LaneRunOptions = {}): WindowsCli {
  const outputs = mkdtempSync(path.join(tmpdir(), 'tovrun-lane-out-'));
  const [stdoutFile, stderrFile] = [path.join(outputs, 'stdout.txt'), path.join(outputs, 'stderr.txt')];
  const [out, err] = [openSync(stdoutFile, 'w'), openSync(stderrFile, 'w')];
  const winePath = options.path && options.path.length > 0 ? { WINEPATH: windowsPath(...options.path).join(';') } : {};
  const [cli] = windowsPath(cliPath);
  const child = spawn('wine', [lane.nodeExe, cli as string, ...args], {
    cwd,
    env: wineEnv(lane.prefix, { ...options.env, ...winePath }),
    stdio: ['ignore', out, err],
  });
  closeSync(out);
  closeSync(err);
  const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 9 : 1))));
  let ended = false;
  void exited.then(() => (ended = true));
  const stdout = () => read(stdoutFile);
  const stderr = () => read(stderrFile);
  return {
    child,
    stdout,
    stderr,
    exited,
    async waitForOutput(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const wasEnded = ended;
        if (pattern.test(stdout()) || pattern.test(stderr())) return;
        if (wasEnded) throw new Error(`tovrun exited before ${pattern}; stdout:\n${stdout()}\nstderr:\n${stderr()}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; stdout:\n${stdout()}\nstderr:\n${stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    },
  };
}

/** Runs tovrun under node.exe to its end (killed after timeoutMs); resolves with its exit code and output. */
export async function runWindowsCli(
  cwd: string,
  args: string[],
  options: LaneRunOptions & { timeoutMs?: number } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = startWindowsCli(cwd, args, options);
  const timer = setTimeout(() => cli.child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await cli.exited;
  clearTimeout(timer);
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

/**
 * Live processes working in dir or whose command line names it (processesUnder): Wine keeps a Windows process's Linux
 * working folder in step with its Windows one, so this finds the lane's node.exe and cmd.exe processes too.
 */
export const windowsProcessesUnder = processesUnder;

/** Kills (SIGKILL) every process a test left running in dir; returns what it found. */
export function killStragglers(dir: string): { pid: number; command: string }[] {
  const left = windowsProcessesUnder(dir);
  for (const { pid } of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return left;
}

const laneDirs: string[] = [];
// After each case, what it left running in its folders is killed; after the file, the folders go.
afterEach(() => {
  for (const dir of laneDirs) killStragglers(dir);
});
afterAll(() => {
  for (const dir of laneDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder (name starting with prefix) for one lane case, cleaned up by the harness. */
export function laneTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  laneDirs.push(dir);
  return dir;
}
