/** The default launcher: spawns the service as tovrun's child in its own process group, output through pipes. */
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { waitAtMost } from '../os/delay.js';
import type { Host } from '../os/host.js';
import type { LaunchCommand, LaunchedProcess, OutputReceiver, OutputStream, ProcessExit, ProcessLauncher } from '../os/launcher.js';
import { spawnProgram } from '../os/spawn-command.js';
import { platformFor } from '../platform/platform.js';
import { BlockSplitter } from '../text/line-splitter.js';
import { folderProblem } from '../workspace/service-dirs.js';

function relay(stream: Readable | null, name: OutputStream, output: OutputReceiver): Promise<void> {
  if (!stream) return Promise.resolve();
  stream.setEncoding('utf8');
  const splitter = new BlockSplitter((block) => output.lines(name, block));
  stream.on('data', (chunk: string) => {
    splitter.push(chunk);
    const full = output.whenWritable();
    if (full && !stream.isPaused()) {
      stream.pause();
      void full.then(() => stream.resume());
    }
  });
  stream.on('error', () => undefined);
  return new Promise((resolve) =>
    stream.once('close', () => {
      splitter.flush();
      resolve();
    }),
  );
}

function started(child: ChildProcess, pid: number, host: Host, output: OutputReceiver): LaunchedProcess {
  const streams = [relay(child.stdout, 'stdout', output), relay(child.stderr, 'stderr', output)];
  const exit = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    pid,
    pgid: host.platform === 'win32' ? null : pid,
    exit,
    async drain(ms) {
      await waitAtMost(Promise.all(streams), ms);
      child.stdout?.destroy();
      child.stderr?.destroy();
      await Promise.all(streams);
    },
  };
}

/** Why a spawn failed, in words a user can act on: the folder first (Node reports a missing cwd as a missing program), then the program. */
export function startFailureReason(error: unknown, spec: Pick<LaunchCommand, 'file' | 'cwd'>, folder: (dir: string) => string | null = folderProblem): string {
  const problem = folder(spec.cwd);
  if (problem !== null) return problem;
  if (spec.file.trim() === '') return 'the program to run is empty';
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `program ${spec.file} was not found${/[\\/]/.test(spec.file) ? '' : ' on PATH'}`;
  if (code === 'EACCES') return `program ${spec.file} cannot be run (permission denied)`;
  return error instanceof Error ? error.message : String(error);
}

/** Spawns with pipes (through cmd.exe only for a Windows batch file), detached on POSIX so the service leads its own process group. */
export function directLauncher(host: Host): ProcessLauncher {
  return {
    launch(spec: LaunchCommand, output: OutputReceiver): Promise<LaunchedProcess> {
      const failure = (error: unknown) => new Error(startFailureReason(error, spec));
      let child: ChildProcess;
      try {
        // One spawn path with installs: on Windows the program is found with PATHEXT, and a .cmd/.bat runs through cmd.exe.
        child = spawnProgram(
          host.spawn,
          spec.file,
          spec.args,
          { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: host.platform !== 'win32', windowsHide: true },
          platformFor(host.platform),
        );
      } catch (error) {
        return Promise.reject(failure(error));
      }
      const pid = child.pid;
      if (pid !== undefined) {
        child.on('error', () => undefined);
        return Promise.resolve(started(child, pid, host, output));
      }
      return new Promise((_resolve, reject) => child.once('error', (error) => reject(failure(error))));
    },
  };
}
