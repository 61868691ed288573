// Real-process helpers for end-to-end tests: the built CLI as a child, processes under a folder, free ports.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = path.join(repoRoot, 'bin', 'tovrun.js');

/** A running tovrun with everything it printed so far. */
export interface RunningCli {
  child: ChildProcess;
  output(): string;
  /** Resolves when output matches pattern; rejects with the output after timeoutMs or if tovrun exits first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** Resolves with the exit code (128+n for a signal). */
  exited: Promise<number>;
}

/** Starts `node bin/tovrun.js args` (or another install's bin/tovrun.js) in cwd with stdout and stderr collected together. */
export function startCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cli: string = cliPath): RunningCli {
  return startProgram(cwd, process.execPath, [cli, ...args], env);
}

/** Starts any program (a launcher script, say) in cwd with stdout and stderr collected together. */
export function startProgram(cwd: string, file: string, args: string[], env: NodeJS.ProcessEnv = process.env): RunningCli {
  const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? (signalNumbers[signal] ?? 0) : 0))));
  return {
    child,
    output: () => text,
    exited,
    waitForOutput(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(text)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${text}`));
        }, timeoutMs);
        void exited.then((code) => {
          if (!pattern.test(text)) {
            cleanup();
            reject(new Error(`tovrun exited (${code}) before ${pattern}; output:\n${text}`));
          }
        });
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Runs the CLI to completion; resolves with its exit code and output. */
export async function runCli(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  cli: string = cliPath,
): Promise<{ code: number; output: string }> {
  const running = startCli(cwd, args, env, cli);
  const code = await running.exited;
  return { code, output: running.output() };
}

/** Live (non-zombie) processes whose working folder or command line is inside dir (Linux /proc). */
export function processesUnder(dir: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      if (cwd === dir || cwd.startsWith(`${dir}/`) || command.includes(dir)) found.push({ pid, command });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** Whether nothing listens on the port (a listener on 0.0.0.0 can be opened and closed). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Polls check every 25 ms until it returns true or timeoutMs passes; resolves with its last answer. */
export async function pollUntil(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
