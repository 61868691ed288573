/**
 * The one way tovrun reads a text file, and the one convention for a missing one (undefined). It opens without
 * blocking, refuses what is not a regular file (a folder, a FIFO, a device such as /dev/zero) and files over a size
 * cap; for a user's file (.env, .env.template, tovrun.yaml, the compose file) every other failure is a ConfigError
 * naming the file and the fix, instead of a hang or a stack trace.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, type Stats } from 'node:fs';
import { ConfigError } from '../errors.js';

/** One mebibyte, the cap of the small text files tovrun reads (.env, .env.template, tovrun.yaml). */
export const mebibyte = 1024 * 1024;

/** How to read: the name shown to users (such as `.env`) and the largest size accepted. */
export interface ReadTextOptions {
  label: string;
  maxBytes: number;
}

/**
 * A file's text, or undefined when nothing is at file (ENOENT, a dangling link). With limits, anything else that cannot
 * be read as text is a ConfigError naming limits.label; without, it reads as undefined too (a best-effort read of up to
 * 64 MiB). The type of every reader tovrun's modules take, so that a test can pass a fake.
 */
export type ReadText = (file: string, limits?: ReadTextOptions) => string | undefined;

/** The most a best-effort read takes (lock files and manifests can be large). */
const anyFileMaxBytes = 64 * mebibyte;

/** Sizes as users read them: "1 MiB", "512 KiB", "100 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= mebibyte && bytes % mebibyte === 0) return `${bytes / mebibyte} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** What a stat says a path is, for messages: "a folder", "a named pipe (FIFO)", "a device"… */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** " (a link to /dev/zero)" when file is a symbolic link, else "". */
function linkNote(file: string): string {
  try {
    return lstatSync(file).isSymbolicLink() ? ` (a link to ${readlinkSync(file)})` : '';
  } catch {
    return '';
  }
}

/** The ConfigError for a file that is not a regular file. */
function notRegular(file: string, label: string, stat: Stats): ConfigError {
  return new ConfigError(`${label}${linkNote(file)} is ${kindOf(stat)}, not a text file; tovrun reads it as text and will not open it.`, {
    file,
    hint: `Move it out of the way and put a plain text file named ${label} in its place (or remove it if you do not need it).`,
  });
}

/** The ConfigError for an error the file system raised while opening or reading file. */
export function readFailure(file: string, label: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, [string, string]> = {
    ENOENT: ['does not exist (or is a symbolic link to nothing)', `Create ${label}, or remove the broken link.`],
    EISDIR: ['is a folder, not a text file', `Move the folder away and put a plain text file named ${label} in its place.`],
    EACCES: ['cannot be read: permission denied', `Give your user read access (for example \`chmod u+r ${label}\`), or run tovrun as the file's owner.`],
    EPERM: ['cannot be read: the operating system does not permit it', `Give your user read access to ${label}.`],
    ELOOP: ['is a symbolic link that points back to itself (a loop)', `Replace the link ${label} with a plain text file.`],
    ENOTDIR: ['sits under something that is not a folder', `Check the path to ${label}.`],
    ENAMETOOLONG: ['has a path that is too long', `Move the workspace to a shorter path.`],
  };
  const [reason, hint] = reasons[code ?? ''] ?? [
    `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`,
    `Check that ${label} is a readable text file.`,
  ];
  return new ConfigError(`${label} ${reason}.`, { file, hint, cause: error });
}

/** The ConfigError for a file over its cap. */
function tooLarge(file: string, options: ReadTextOptions): ConfigError {
  return new ConfigError(`${options.label} is larger than ${formatBytes(options.maxBytes)}, the most tovrun reads from it.`, {
    file,
    hint: `${options.label} should be a small text file; check that it is the right file and keep it under ${formatBytes(options.maxBytes)}.`,
  });
}

/** The bytes of an open regular file; a ConfigError when there are more than maxBytes (even if it grew since its stat). */
function readCapped(fd: number, file: string, options: ReadTextOptions, size: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(options.maxBytes, size) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > options.maxBytes) break;
      const bigger = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, buffer.length * 2));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  if (length > options.maxBytes) throw tooLarge(file, options);
  return buffer.subarray(0, length);
}

/**
 * The UTF-8 text of file, read the safe way: opened without blocking (a FIFO with no writer never hangs), refused
 * unless it is a regular file of at most maxBytes; every failure (ENOENT included) is a ConfigError naming label.
 */
function readTextFile(file: string, options: ReadTextOptions): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw readFailure(file, options.label, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegular(file, options.label, stat);
    if (stat.size > options.maxBytes) throw tooLarge(file, options);
    return readCapped(fd, file, options, stat.size).toString('utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw readFailure(file, options.label, error);
  } finally {
    closeSync(fd);
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof ConfigError && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** The real reader (see ReadText): the text of file, undefined when it is missing. */
export const readText: ReadText = (file, limits) => {
  try {
    return readTextFile(file, limits ?? { label: file, maxBytes: anyFileMaxBytes });
  } catch (error) {
    if (isMissing(error) || !limits) return undefined;
    throw error;
  }
};
