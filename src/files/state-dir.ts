/**
 * The one check of a workspace's state folder (.tovrun/, where tovrun keeps run state, stamps and logs) before a run
 * that writes there: a file in its place, or a folder (or root) tovrun cannot write to, is a ConfigError saying so.
 */
import { accessSync, constants, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';

/** What the check asks of the file system; tests pass their own answers. */
export interface StateDirProbe {
  /** The stat of a path (following links), or undefined when nothing is there. */
  stat(file: string): Stats | undefined;
  /** Whether the current user may create and change entries in a folder. */
  writable(dir: string): boolean;
}

/** The real file system. */
export const realStateDirProbe: StateDirProbe = {
  stat(file) {
    try {
      return statSync(file);
    } catch {
      return undefined;
    }
  },
  writable(dir) {
    try {
      accessSync(dir, constants.W_OK | constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
};

const keeps = 'tovrun keeps its run state, install stamps and logs there';

/** Throws a ConfigError naming stateDir when a run could not write there; returns quietly when it can (or will create it). */
export function checkStateDir(stateDir: string, probe: StateDirProbe = realStateDirProbe): void {
  const name = `${path.basename(stateDir)}/`;
  const stat = probe.stat(stateDir);
  if (stat && !stat.isDirectory()) {
    throw new ConfigError(`${path.basename(stateDir)} is a file, not a folder; ${keeps}.`, {
      file: stateDir,
      hint: `Move the file away (for example \`mv ${path.basename(stateDir)} ${path.basename(stateDir)}.old\`) and run again; tovrun creates the folder.`,
    });
  }
  if (stat && !probe.writable(stateDir)) {
    throw new ConfigError(`${name} is not writable by you; ${keeps}.`, {
      file: stateDir,
      hint:
        `Give your user write access (\`chmod -R u+w ${name}\`, or \`chown -R\` it to you when an earlier run as another user, such as ` +
        `with sudo, made it), or remove it so tovrun makes it afresh.`,
    });
  }
  const root = path.dirname(stateDir);
  if (!stat && !probe.writable(root)) {
    throw new ConfigError(`${name} cannot be created: the workspace folder is not writable by you, and ${keeps}.`, {
      file: stateDir,
      hint: 'Give your user write access to the workspace folder, or run tovrun from a copy you can write to.',
    });
  }
}
