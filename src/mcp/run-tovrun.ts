/** Running this same tovrun as a child for the MCP tools that are whole commands: `up --detach`, `down`, `check --json`. */
import { execFile } from 'node:child_process';

/** Which tovrun to run, where, and for how long at most. */
export interface TovrunProgram {
  /** The script of this tovrun (process.argv[1]), run with this node. */
  script: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** What the child did: its exit code (null when it was killed) and output. */
export interface TovrunRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs tovrun with args (no shell, no window on Windows), killed after timeoutMs; never rejects. */
export function runTovrun(program: TovrunProgram, args: readonly string[], timeoutMs: number): Promise<TovrunRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...process.execArgv, program.script, ...args],
      { cwd: program.cwd, env: program.env, windowsHide: true, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
