/** The checks `tovrun check` can run, by name; each reads the Workspace and returns findings and secrets to mask. */
import { checkEnv } from '../env/check.js';
import { displayName, readEnvText, readTemplateText } from '../env/files.js';
import type { Workspace } from '../workspace/types.js';
import type { Finding } from './report.js';

/** What a check returns. */
export interface CheckResult {
  findings: Finding[];
  /** Secret strings that must not appear in any output of the report. */
  secrets: string[];
}

/** A check over a workspace. */
export type Check = (workspace: Workspace) => CheckResult;

/** `env`: .env against .env.template. */
export const envCheck: Check = (workspace) =>
  checkEnv({
    envText: readEnvText(workspace),
    templateText: readTemplateText(workspace),
    templatePath: workspace.envTemplateFile,
    files: { env: displayName(workspace, workspace.envFile), template: displayName(workspace, workspace.envTemplateFile), root: workspace.root },
  });

/** Every check, in the order `tovrun check` runs them. */
export const availableChecks: ReadonlyMap<string, Check> = new Map([['env', envCheck]]);
