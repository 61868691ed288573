/** Fixes written for the user's shell: PowerShell on Windows, a POSIX shell (bash, zsh) elsewhere. */
import type { Platform } from '../platform/platform.js';

/** A workspace-relative path as the shell writes it (backslashes in PowerShell), quoted when it has spaces. */
export function shellPath(file: string, platform: Platform): string {
  const native = platform.isWindows ? file.replaceAll('/', '\\') : file;
  return /\s/.test(native) ? `'${native}'` : native;
}

/** Removes an environment variable from the current shell: `unset NAME` / `Remove-Item Env:NAME`. */
export function unsetVariableCommand(name: string, platform: Platform): string {
  return platform.isWindows ? `Remove-Item Env:${name}` : `unset ${name}`;
}

/** Deletes a file: `rm file` / `Remove-Item file`. */
export function removeFileCommand(file: string, platform: Platform): string {
  return `${platform.isWindows ? 'Remove-Item' : 'rm'} ${shellPath(file, platform)}`;
}

/** Stops a process: `kill 123` / `Stop-Process -Id 123`. */
export function stopProcessCommand(pid: number, platform: Platform): string {
  return platform.isWindows ? `Stop-Process -Id ${pid}` : `kill ${pid}`;
}

/** Appends one line to a file: `echo '.env' >> .gitignore` / `Add-Content .gitignore '.env'`. */
export function appendLineCommand(line: string, file: string, platform: Platform): string {
  return platform.isWindows ? `Add-Content ${shellPath(file, platform)} '${line}'` : `echo '${line}' >> ${shellPath(file, platform)}`;
}

/** How to install a Node.js version matching a range on this operating system. */
export function installNodeHint(range: string, platform: Platform): string {
  const how = platform.isWindows
    ? '`winget install OpenJS.NodeJS.LTS` (or `nvm install lts` with nvm-windows)'
    : platform.os === 'darwin'
      ? '`brew install node` (or `nvm install --lts`)'
      : "`nvm install --lts` (or your distribution's nodejs package from NodeSource)";
  return `Install a Node.js that satisfies ${range} — the current LTS does: ${how}. Then open a new terminal and run tovrun again.`;
}
