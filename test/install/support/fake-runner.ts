// A scripted CommandRunner for install tests: answers by a function of command and args, and records every call.
import type { CommandRunner, RunOptions, RunResult } from '../../../src/os/system-runner.js';

/** One recorded call of the fake runner. */
export interface FakeCall {
  command: string;
  args: string[];
  options: RunOptions;
}

/** A runner whose answers come from respond, with calls kept for assertions. */
export type FakeRunner = CommandRunner & { calls: FakeCall[]; commandLines(): string[] };

/** A fake runner answering with respond(command, args, options). */
export function fakeRunner(respond: (command: string, args: string[], options: RunOptions) => RunResult | Promise<RunResult>): FakeRunner {
  const calls: FakeCall[] = [];
  const runner = async (command: string, args: readonly string[], options: RunOptions = {}) => {
    calls.push({ command, args: [...args], options });
    const result = await respond(command, [...args], options);
    for (const line of result.output.split('\n').filter(Boolean)) options.onLine?.(line);
    return result;
  };
  return Object.assign(runner, { calls, commandLines: () => calls.map((call) => [call.command, ...call.args].join(' ')) });
}

/** A successful run printing output. */
export const ok = (output = ''): RunResult => ({ exitCode: 0, output });

/** A run that ended with code and output. */
export const exited = (exitCode: number, output = ''): RunResult => ({ exitCode, output });

/** A command that does not exist. */
export const notFound: RunResult = { exitCode: undefined, output: '', spawnError: 'ENOENT' };

/** What the python probe prints for an interpreter. */
export const probeAnswer = (executable: string, version: string): RunResult => ok(`${executable}\n${version}\n`);

/** Whether args are the python probe's (`-c <script printing sys.executable and the version>`). */
export const isProbe = (args: readonly string[]): boolean => args.includes('-c') && (args[args.indexOf('-c') + 1] ?? '').includes('sys.executable');
