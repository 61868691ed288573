/** How npm is started: `npm.cmd` on Windows (a batch file, run through cmd.exe by src/os/spawn-command.ts), `npm` elsewhere. */
import type { Platform } from './platform.js';

/**
 * The file to spawn for npm. On Windows this is `npm.cmd`, never the extension-less `npm` shell script beside it;
 * Node refuses to spawn .cmd files without a shell since 20.12.2 (EINVAL), so the one spawn path (os/spawn-command.ts)
 * wraps it in `cmd.exe /d /s /c` with every argument escaped.
 */
export function npmCommand(platform: Platform): string {
  return platform.isWindows ? 'npm.cmd' : 'npm';
}
