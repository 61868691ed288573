/** The env check on its own (.env against .env.template): the doctor's first check and `tovrun up`'s gate, without the other checks' modules. */
import { checkEnv } from '../env/check.js';
import { displayName, readEnvText, readTemplateText } from '../env/files.js';
import type { Workspace } from '../workspace/types.js';
import type { CheckResult } from './input.js';

/** `env`: .env against .env.template, paths reported relative to the workspace root. */
export function envCheck(workspace: Workspace): CheckResult {
  return checkEnv({
    envText: readEnvText(workspace) ?? null,
    templateText: readTemplateText(workspace),
    templatePath: workspace.envTemplateFile,
    files: { env: displayName(workspace, workspace.envFile), template: displayName(workspace, workspace.envTemplateFile), root: workspace.root },
  });
}
