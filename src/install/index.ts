/** The install stage's public API: what `tovrun install`, `tovrun env`, `up` and the supervisor use. */

/** Install every (or the named) python and node service; FailedError (exit 1) after a labelled report when one fails. */
export { installWorkspace, type InstallOptions, type InstallResult } from './install-workspace.js';
/** How one service's install ended. */
export type { ServiceOutcome } from './task-list.js';
/** The environment of a process run with a venv (VIRTUAL_ENV, PATH, no PYTHONHOME, PYTHONUNBUFFERED=1). */
export { pythonActivationEnv } from './activation.js';
/** Python discovery with an injectable runner. */
export { findPython, pythonCandidates, type FoundPython, type FindPythonOptions } from './python-discovery.js';
/** Running external commands: the platform's real runner and the interface fakes implement. */
export { systemRunner, type CommandRunner, type RunOptions, type RunResult } from './runner.js';
/** The venv's python and bin/Scripts folder, and the Platform value they take (platformFor(ctx.platform)). */
export { venvPython, venvBinDir } from '../platform/venv-layout.js';
export { platformFor, type Platform } from '../platform/platform.js';
