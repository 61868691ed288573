/** Runs a Python command to learn whether it really works and which version it is. */
import type { CommandRunner } from '../os/system-runner.js';
import { parseVersion, type Version } from '../text/version.js';
import { describeEnd } from './step-failure.js';

/** A way to start Python: a command and the arguments that come before the script's (`py -3`). */
export interface PythonCommand {
  command: string;
  args: readonly string[];
}

/** What probing a Python command found out. */
export type PythonProbe = { ok: true; version: Version; executable: string } | { ok: false; reason: string };

/** Exit code of the Microsoft Store placeholder `python.exe` (and of cmd.exe's "not recognized"). */
export const windowsStoreStubExitCode = 9009;

const probeScript = 'import sys; print(sys.executable); print(".".join(map(str, sys.version_info[:3])))';
const probeTimeoutMs = 30_000;

/** The command as the user would type it: `py -3`. */
export function commandLabel(python: PythonCommand): string {
  return [python.command, ...python.args].join(' ');
}

/** Runs python with a tiny script printing its executable and version; a reason in words when it does not work. */
export async function probePython(python: PythonCommand, runner: CommandRunner, env: NodeJS.ProcessEnv): Promise<PythonProbe> {
  const result = await runner(python.command, [...python.args, '-c', probeScript], { env, timeoutMs: probeTimeoutMs });
  // The runner looks the program up first (PATHEXT on Windows), so a missing py is ENOENT, not cmd.exe's exit 1.
  if (result.spawnError === 'ENOENT') return { ok: false, reason: 'not found' };
  if (result.exitCode === windowsStoreStubExitCode)
    return { ok: false, reason: `the Microsoft Store placeholder, not a real Python (exit ${windowsStoreStubExitCode})` };
  const lines = result.output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (result.exitCode !== 0) return { ok: false, reason: `${describeEnd(result)}${lines.length ? `: ${lines[lines.length - 1]}` : ''}` };
  const version = parseVersion(lines[lines.length - 1] ?? '');
  const executable = lines[lines.length - 2];
  if (!version || executable === undefined) return { ok: false, reason: 'did not print its version' };
  return { ok: true, version, executable };
}
