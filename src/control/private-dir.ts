/** A folder only the user can enter (0700), checked before a socket is created in it. */
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { FailedError } from '../errors.js';

/** Creates dir with mode 0700 (its parents normally), or checks an existing one: a real folder of this user, made 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(path.dirname(dir), { recursive: true });
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = lstatSync(dir);
  const uid = process.getuid?.();
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) {
    throw new FailedError(
      `${dir} is not a folder of yours; tovrun will not put its control socket there.`,
      'Remove it, or set TMPDIR to a folder of your own.',
    );
  }
  if ((stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}
