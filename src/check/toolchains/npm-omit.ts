/** toolchains/npm-omit: no npm setting or variable makes a plain `npm install` skip devDependencies (Vite is one). */

import { type Finding, finding } from '../../report/findings.js';
import type { NodeService } from '../../workspace/types.js';
import { type CheckInput, workspacePath } from '../input.js';
import { type DevDroppingSetting, devDroppingSettings } from '../npm-config.js';
import { unsetVariableCommand } from '../shell-hints.js';

const consequence =
  'npm leaves out devDependencies, Vite among them: `tovrun install` passes --include=dev, but a plain `npm install` or `npm ci` gives a frontend without Vite.';

function settingFinding(input: CheckInput, setting: DevDroppingSetting): Finding {
  if ('variable' in setting.source) {
    const name = setting.source.variable;
    return finding('toolchains/npm-omit', 'warn', `${setting.written} is set in the environment — ${consequence}`, {
      hint: `Run \`${unsetVariableCommand(name, input.platform)}\`, and remove ${name} where it is set (your shell profile, the CI job's env).`,
    });
  }
  const file = workspacePath(input, setting.source.file);
  return finding('toolchains/npm-omit', 'warn', `${setting.written} in ${file} — ${consequence}`, {
    file,
    line: setting.source.line,
    hint: `Delete line ${setting.source.line} (\`${setting.written}\`) from ${file}.`,
  });
}

const sourceKey = (setting: DevDroppingSetting) =>
  `${setting.written}@${'variable' in setting.source ? setting.source.variable : `${setting.source.file}:${setting.source.line}`}`;

/** One warning per setting that drops devDependencies (named with its file and line), or one ok; none without node services. */
export function npmOmitFindings(input: CheckInput): Finding[] {
  const services = input.workspace.services.filter((service): service is NodeService => service.type === 'node');
  if (services.length === 0) return [];
  const settings = new Map<string, DevDroppingSetting>();
  for (const service of services) {
    for (const setting of devDroppingSettings(input.facts.npmSettings(service.dir), input.env)) settings.set(sourceKey(setting), setting);
  }
  if (settings.size === 0)
    return [finding('toolchains/npm-omit', 'ok', 'npm keeps devDependencies: no omit=dev, production=true or NODE_ENV=production in its configuration.')];
  return [...settings.values()].map((setting) => settingFinding(input, setting));
}
