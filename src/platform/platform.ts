/** The operating system tovrun runs on, as a value: inject another one to exercise Windows code paths on Linux. */
import path from 'node:path';

/** What tovrun's install and process code needs to know about the operating system. */
export interface Platform {
  /** Node's name for the operating system: 'win32', 'darwin', 'linux', ... */
  readonly os: NodeJS.Platform;
  readonly isWindows: boolean;
  /** Path functions of that system (win32 joins with backslashes even when tests run on Linux). */
  readonly path: path.PlatformPath;
}

/** The Platform for an operating system name. */
export function platformFor(os: NodeJS.Platform): Platform {
  const isWindows = os === 'win32';
  return { os, isWindows, path: isWindows ? path.win32 : path.posix };
}

/** A human name of the operating system, for messages. */
export function osDisplayName(platform: Platform): string {
  if (platform.isWindows) return 'Windows';
  if (platform.os === 'darwin') return 'macOS';
  if (platform.os === 'linux') return 'Linux';
  return platform.os;
}
