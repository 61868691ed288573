/** Where the control socket of a workspace lives: a named pipe on Windows, a unix socket under .tovrun/ (or a short temp path). */
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import path from 'node:path';

/** The longest unix socket path every POSIX system accepts (macOS: 104 bytes with the NUL; Linux: 108). */
export const maxSocketPathBytes = 103;

/** What choosing the socket path depends on. */
export interface SocketPathInputs {
  /** The workspace root (its hash names the pipe or the fallback socket). */
  root: string;
  /** The workspace's .tovrun folder. */
  stateDir: string;
  platform: NodeJS.Platform;
  /** os.tmpdir(), for the fallback when the path under .tovrun is too long. */
  tmpDir: string;
  /** The user id (POSIX), so two users' fallback folders never meet; null on Windows. */
  uid: number | null;
  /** The user's name (os.userInfo().username), so two users' pipes never meet on Windows; null when it cannot be told. */
  user: string | null;
  /** What tells instances of one workspace apart ("-i1", from workspace/instance.ts); "" or absent for instance 0. */
  suffix?: string;
}

/** A short stable hash of the workspace root (case-folded on Windows, where paths are case-insensitive). */
export function rootHash(root: string, platform: NodeJS.Platform): string {
  const key = platform === 'win32' ? path.win32.resolve(root).toLowerCase() : path.posix.resolve(root);
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * A short stable hash of the user's name, case-folded (Windows account names are case-insensitive). Named pipes live in
 * one machine-wide namespace (\\.\pipe\), unlike a unix socket under a private folder, so the name has to tell users
 * apart: a second user's tovrun in a checkout at the same path would otherwise find the first one's pipe taken.
 */
export function userHash(user: string | null): string {
  return createHash('sha256')
    .update(`user:${(user ?? '').toLowerCase()}`)
    .digest('hex')
    .slice(0, 8);
}

/** The current user's name (os.userInfo(), which throws when the account has no name or home), or null. */
export function currentUserName(info: () => { username: string } = userInfo): string | null {
  try {
    return info().username || null;
  } catch {
    return null;
  }
}

/**
 * The control socket: \\.\pipe\tovrun-<user hash>-<root hash><suffix> on Windows; <state dir>/control/tovrun.sock
 * (each instance has its own state dir), or <tmp>/tovrun-<uid>/<hash><suffix>.sock when that is too long.
 */
export function controlSocketPath(inputs: SocketPathInputs): string {
  const hash = `${rootHash(inputs.root, inputs.platform)}${inputs.suffix ?? ''}`;
  if (inputs.platform === 'win32') return `\\\\.\\pipe\\tovrun-${userHash(inputs.user)}-${hash}`;
  const candidates = [
    path.posix.join(inputs.stateDir, 'control', 'tovrun.sock'),
    path.posix.join(inputs.tmpDir, `tovrun-${inputs.uid ?? 'user'}`, `${hash}.sock`),
    path.posix.join('/tmp', `tovrun-${inputs.uid ?? 'user'}`, `${hash}.sock`),
  ];
  return candidates.find((candidate) => Buffer.byteLength(candidate) <= maxSocketPathBytes) ?? (candidates[2] as string);
}

/** Whether a socket path is a Windows named pipe (nothing to create or remove on disk). */
export function isNamedPipe(socketPath: string): boolean {
  return socketPath.startsWith('\\\\.\\pipe\\');
}
