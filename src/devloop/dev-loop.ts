/**
 * The dev loop of `tovrun up`: while the services run, it follows the .env (checked again, services whose environment
 * changed restarted), each service's install inputs (reinstalled with the same stamps, then restarted) and the
 * `watch:` globs of tovrun.yaml (restarted at once). Reactions run one at a time, in the order the changes came.
 */
import path from 'node:path';
import { type FolderWatch, watchFolder } from '../files/file-watcher.js';
import { fingerprintPath } from '../install/fingerprint.js';
import { installInputFiles } from '../install/install-inputs.js';
import type { ServiceSpec, Workspace } from '../workspace/types.js';
import { unwatchedFolders } from '../workspace/watch-rules.js';
import { type DepsFollowDeps, followInstallInputs } from './deps-follow.js';
import { type ComposeFollow, type EnvFollowDeps, EnvFollower } from './env-follow.js';
import { readsKey } from './env-readers.js';
import { type DevLoopOutput, type DevLoopSupervisor, restartService } from './output.js';
import { watchService } from './watch-follow.js';

/** Quiet time after the last file event of a burst (an editor's write, rename and delete are one change). */
export const defaultQuietMs = 200;

/** What the dev loop follows and drives. */
export interface DevLoopOptions extends Pick<EnvFollowDeps, 'checkEnv' | 'plan' | 'launches'>, Pick<DepsFollowDeps, 'install'> {
  workspace: Workspace;
  /** The run's native services. */
  services: readonly ServiceSpec[];
  compose: ComposeFollow | null;
  supervisor: DevLoopSupervisor;
  output: DevLoopOutput;
  quietMs?: number;
}

/** A running dev loop. */
export interface DevLoop {
  /** Resolves once every watcher has scanned its folder: changes from then on are followed. */
  readonly ready: Promise<void>;
  /** Stops watching; a reaction under way finishes. */
  close(): Promise<void>;
}

/** Runs tasks one after another; a task's error is said, never thrown. */
class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly output: DevLoopOutput) {}
  add(task: () => Promise<void>): void {
    this.tail = this.tail.then(task).catch((error: unknown) => this.output.say(`tovrun: ${error instanceof Error ? error.message : String(error)}\n`));
  }
}

/** The folders holding the given files, each with the names of the files it holds. */
function byFolder(files: readonly string[]): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const file of files) {
    const names = folders.get(path.dirname(file)) ?? new Set<string>();
    names.add(path.basename(file));
    folders.set(path.dirname(file), names);
  }
  return folders;
}

/** Starts following the workspace's .env, the services' install inputs and their watch globs. */
export function startDevLoop(options: DevLoopOptions): DevLoop {
  const { workspace, supervisor, output } = options;
  const quietMs = options.quietMs ?? defaultQuietMs;
  const queue = new SerialQueue(output);
  const envName = fingerprintPath(workspace.envFile, workspace.root);
  const reads = new Map(options.services.map((service) => [service.name, readsKey(service)]));
  const env = new EnvFollower({
    envName,
    reads,
    checkEnv: options.checkEnv,
    plan: options.plan,
    launches: options.launches,
    supervisor,
    output,
    compose: options.compose,
  });
  const files = (dir: string, names: ReadonlySet<string>, onChange: (changed: string[]) => void): FolderWatch =>
    watchFolder({ dir, depth: 0, accept: (relative) => names.has(relative), skipFolders: unwatchedFolders, quietMs, onChange });
  const watches: FolderWatch[] = [files(path.dirname(workspace.envFile), new Set([path.basename(workspace.envFile)]), () => queue.add(() => env.changed()))];
  for (const service of options.services) {
    for (const [dir, names] of byFolder(installInputFiles(service))) {
      watches.push(
        files(dir, names, (changed) => {
          const shown = changed.map((name) => fingerprintPath(path.join(dir, name), workspace.root));
          queue.add(() => followInstallInputs({ install: options.install, supervisor, output }, service.name, shown));
        }),
      );
    }
    if (service.watch.length > 0) {
      watches.push(watchService(service, quietMs, output, (_files, reason) => queue.add(() => restartService(supervisor, output, service.name, { reason }))));
    }
  }
  return {
    ready: Promise.all(watches.map((watch) => watch.ready)).then(() => undefined),
    close: async () => {
      await Promise.all(watches.map((watch) => watch.close()));
    },
  };
}
