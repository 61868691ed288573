/** Finds a working Python of at least the configured version: `py -3` then `python` on Windows, `python3` then `python` elsewhere. */

import type { CommandRunner } from '../os/system-runner.js';
import type { Platform } from '../platform/platform.js';
import { compareVersions, formatVersion, parseVersion, type Version } from '../text/version.js';
import { splitCommandLine } from '../workspace/resolve.js';
import { pythonInstallHint } from './python-install-hint.js';
import { commandLabel, type PythonCommand, probePython } from './python-probe.js';
import { InstallStepFailure } from './step-failure.js';

/** A Python that runs and is new enough. */
export interface FoundPython extends PythonCommand {
  version: Version;
  /** The interpreter's own path (sys.executable). */
  executable: string;
}

/** Where findPython looks besides the defaults, and the environment it runs candidates in. */
export interface FindPythonOptions {
  /** python.command from tovrun.yaml: when set, the only candidate. */
  command?: string | null;
  env?: NodeJS.ProcessEnv;
}

/** The commands tried, in order: the configured one alone, else the platform's usual names. */
export function pythonCandidates(platform: Platform, configured: string | null = null): PythonCommand[] {
  if (configured) {
    const [command, ...args] = splitCommandLine(configured);
    if (command) return [{ command, args }];
  }
  if (platform.isWindows)
    return [
      { command: 'py', args: ['-3'] },
      { command: 'python', args: [] },
    ];
  return [
    { command: 'python3', args: [] },
    { command: 'python', args: [] },
  ];
}

/** The first candidate that runs and is at least minVersion; an InstallStepFailure naming every try and how to install Python otherwise. */
export async function findPython(minVersion: string, platform: Platform, runner: CommandRunner, options: FindPythonOptions = {}): Promise<FoundPython> {
  const minimum = parseVersion(minVersion) ?? [3];
  const tried: string[] = [];
  for (const candidate of pythonCandidates(platform, options.command ?? null)) {
    const probe = await probePython(candidate, runner, options.env ?? {});
    if (probe.ok && compareVersions(probe.version, minimum) >= 0) return { ...candidate, version: probe.version, executable: probe.executable };
    const reason = probe.ok ? `is Python ${formatVersion(probe.version)}, older than ${minVersion}` : probe.reason;
    tried.push(`\`${commandLabel(candidate)}\` (${reason})`);
  }
  throw new InstallStepFailure(`no usable Python ${minVersion} or newer found; tried ${tried.join(', ')}.`, {
    hint: pythonInstallHint(platform, minimum, options.command ?? null),
  });
}
