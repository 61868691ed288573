/** How to install Python on the user's operating system, for the "no usable Python" message. */
import { osDisplayName, type Platform } from '../platform/platform.js';
import { compareVersions, formatVersion, type Version } from '../text/version.js';

const suggestedVersion: Version = [3, 12];

/** One paragraph: the install command for this OS, and how to point tovrun at a Python it did not find. */
export function pythonInstallHint(platform: Platform, minimum: Version, configured: string | null): string {
  const version = formatVersion(compareVersions(minimum, suggestedVersion) > 0 ? minimum.slice(0, 2) : suggestedVersion);
  const install = installCommand(platform, version);
  const pointAt = configured
    ? `python.command in tovrun.yaml is \`${configured}\`: fix it, or remove it to let tovrun search.`
    : 'If Python is installed under another name, set python.command in tovrun.yaml (e.g. `python3.12`).';
  return `Install Python ${formatVersion(minimum)} or newer on ${osDisplayName(platform)}: ${install} Then run \`tovrun install\` again. ${pointAt}`;
}

function installCommand(platform: Platform, version: string): string {
  if (platform.isWindows) {
    return `\`winget install Python.Python.${version}\`, or the installer from https://www.python.org/downloads/ (tick "Add python.exe to PATH"; the Microsoft Store placeholder does not count).`;
  }
  if (platform.os === 'darwin') return `\`brew install python@${version}\`, or the installer from https://www.python.org/downloads/.`;
  if (platform.os === 'linux')
    return '`sudo apt install python3 python3-venv` on Debian/Ubuntu (your package manager elsewhere, or https://www.python.org/downloads/).';
  return 'see https://www.python.org/downloads/.';
}
