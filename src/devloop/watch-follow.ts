/** `watch:` globs of tovrun.yaml: a change to a matching file under the service's folder restarts it at once. */
import picomatch from 'picomatch';
import { type FolderWatch, watchFolder } from '../files/file-watcher.js';
import type { ServiceSpec } from '../workspace/types.js';
import { unwatchedFolders } from '../workspace/watch-rules.js';
import { listNames } from './env-changes.js';
import type { DevLoopOutput } from './output.js';

/** Whether a path relative to the service's folder ('/'-separated) matches one of its globs (dot files included). */
export function watchMatcher(globs: readonly string[]): (relative: string) => boolean {
  return picomatch([...globs], { dot: true });
}

/** Watches the service's globs; onChange gets the changed files (relative to its folder) of each burst. */
export function watchService(service: ServiceSpec, quietMs: number, output: DevLoopOutput, onChange: (files: string[], reason: string) => void): FolderWatch {
  return watchFolder({
    dir: service.dir,
    accept: watchMatcher(service.watch),
    skipFolders: unwatchedFolders,
    skipPaths: service.type === 'python' ? [service.venv] : [],
    quietMs,
    onChange: (files) => onChange(files, `watch: ${listNames(files, 3)} changed`),
    onError: (error) => output.notice(service.name, `watch: ${error.message}`),
  });
}
