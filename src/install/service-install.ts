/** What installing one service may use and how it reports progress; shared by the python and node installers. */
import path from 'node:path';
import type { CommandRunner } from '../os/system-runner.js';
import type { Platform } from '../platform/platform.js';

/** The outside world of a service install: where the workspace is, the environment, the platform, the command runner. */
export interface InstallEnvironment {
  root: string;
  stateDir: string;
  env: NodeJS.ProcessEnv;
  platform: Platform;
  runner: CommandRunner;
  python: { command: string | null; minVersion: string };
  /** Install even when the stamp says up to date. */
  reinstall: boolean;
  /** The doctor: preparing reads only (venvs are probed afresh and nothing is remembered under the state folder). */
  readOnly?: boolean;
}

/** How an installer tells the user what it does. */
export interface InstallReporter {
  /** A phase starts: "creating the venv with python3 (Python 3.11.7)". */
  step(message: string): void;
  /** One line a tool printed, shown live in a terminal. */
  toolOutput(line: string): void;
  /** Something went wrong that does not fail the install (a pip upgrade offline). */
  warn(message: string): void;
}

/** A path for messages: relative to the workspace root with / separators. */
export function displayPath(environment: Pick<InstallEnvironment, 'root'>, file: string): string {
  const relative = path.relative(environment.root, file);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/** A service checked and ready to install: why it is due (undefined when up to date), and the install itself. */
export interface PreparedInstall {
  /** Why an install is due, or undefined when the stamp says everything is up to date. */
  reason: string | undefined;
  /** Installs, then writes the stamp; throws InstallStepFailure when a step fails. */
  install(reporter: InstallReporter): Promise<void>;
}
