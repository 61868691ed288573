/**
 * The one file watcher: chokidar over a folder, folders that never matter skipped, changes to accepted files handed
 * over in debounced batches. Paths given to `accept` are relative to the folder with '/' separators on every
 * platform, so globs written in tovrun.yaml match on Windows too.
 */
import path from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { DebouncedBatch } from './debounced-batch.js';

/** Options of watchFolder. */
export interface FolderWatchOptions {
  /** The folder watched. */
  dir: string;
  /** Whether a file (its path relative to dir, '/'-separated) counts. */
  accept(relative: string): boolean;
  /** Folder names skipped wherever they are (node_modules, .git…). */
  skipFolders?: readonly string[];
  /** Absolute folders skipped (a venv with another name). */
  skipPaths?: readonly string[];
  /** How deep below dir changes are followed: 0 for dir's own files; unset for the whole tree. */
  depth?: number;
  /** Quiet time before a batch goes out (an editor's write-rename-delete is one change). */
  quietMs: number;
  /** The accepted files (relative paths) changed, added or removed in one burst. */
  onChange(files: string[]): void;
  /** A watcher error (a folder that vanished, too many watches); the watch goes on where it can. */
  onError?(error: Error): void;
}

/** A running watch. */
export interface FolderWatch {
  /** Resolves once the initial scan is done (changes from then on are reported). */
  readonly ready: Promise<void>;
  /** Stops watching and drops a pending batch. */
  close(): Promise<void>;
}

/**
 * A path relative to dir as globs read it: '/' between segments. chokidar reports native paths, which use '\' on
 * Windows (https://github.com/paulmillr/chokidar#api: "paths ... are relative to cwd or absolute", built by
 * Node's path module, whose win32 flavour joins with '\': https://nodejs.org/api/path.html#pathsep).
 */
export function relativeGlobPath(dir: string, file: string, pathApi: Pick<typeof path, 'relative' | 'sep'> = path): string {
  return pathApi.relative(dir, file).split(pathApi.sep).join('/');
}

/** Whether a path (relative, '/'-separated) passes through a skipped folder. */
export function inSkippedFolder(relative: string, skipFolders: readonly string[]): boolean {
  return relative.split('/').some((segment) => skipFolders.includes(segment));
}

/** Starts watching dir; only accepted files outside skipped folders are reported, in batches. */
export function watchFolder(options: FolderWatchOptions): FolderWatch {
  const skipFolders = options.skipFolders ?? [];
  const skipPaths = (options.skipPaths ?? []).map((each) => path.resolve(each));
  const batch = new DebouncedBatch<string>(options.quietMs, (files) => options.onChange(files.sort()));
  const ignored = (file: string): boolean => {
    const absolute = path.resolve(file);
    if (absolute === path.resolve(options.dir)) return false;
    if (skipPaths.some((skipped) => absolute === skipped || absolute.startsWith(skipped + path.sep))) return true;
    return inSkippedFolder(relativeGlobPath(options.dir, absolute), skipFolders);
  };
  const watcher: FSWatcher = watch(options.dir, {
    ignoreInitial: true,
    ignored,
    ...(options.depth === undefined ? {} : { depth: options.depth }),
    // Editors that save by writing a temporary file and renaming it over the original report one change (chokidar's atomic).
    atomic: true,
  });
  const report = (file: string) => {
    const relative = relativeGlobPath(options.dir, path.resolve(options.dir, file));
    if (options.accept(relative)) batch.add(relative);
  };
  watcher.on('add', report).on('change', report).on('unlink', report);
  watcher.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      batch.cancel();
      await watcher.close();
    },
  };
}
