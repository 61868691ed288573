/** A service's install inputs changed while tovrun runs: install it as `tovrun install` does (same stamps), then restart it. */
import type { InstallResult } from '../install/install-workspace.js';
import type { InstallObserver } from '../os/install-observer.js';
import { listNames } from './env-changes.js';
import { noticeObserver } from './install-notices.js';
import { type DevLoopOutput, type DevLoopSupervisor, followsChanges, restartService } from './output.js';

/** What following a service's install inputs takes. */
export interface DepsFollowDeps {
  /** installWorkspace for these services (no --reinstall: the stamps decide), reporting to observer; throws when one fails. */
  install(names: readonly string[], observer: InstallObserver): Promise<InstallResult>;
  supervisor: DevLoopSupervisor;
  output: DevLoopOutput;
}

/** Reinstalls a service whose install inputs (files, relative to the workspace) changed, and restarts it when something was installed. */
export async function followInstallInputs(deps: DepsFollowDeps, name: string, files: readonly string[]): Promise<void> {
  const { output } = deps;
  output.notice(name, `${listNames(files)} changed; checking its install`);
  let result: InstallResult;
  try {
    result = await deps.install([name], noticeObserver(output));
  } catch (error) {
    // The failure's lines (the tool's output tail, the hint) were said by the observer.
    const reason = error instanceof Error ? error.message : String(error);
    output.notice(name, `the install failed (${reason}); ${name} keeps running with what was installed before`);
    return;
  }
  const outcome = result.services.find((service) => service.name === name);
  if (outcome?.status !== 'installed') return;
  if (!followsChanges(deps.supervisor, name)) {
    output.notice(name, 'installed; not running now, so not restarted');
    return;
  }
  await restartService(deps.supervisor, output, name, { reason: `${listNames(files)} changed; reinstalled` });
}
