/** What every doctor check receives: the workspace, the user's environment and platform, the flags, effects and shared facts. */
import path from 'node:path';
import type { Platform } from '../platform/platform.js';
import type { Finding } from '../report/findings.js';
import type { Workspace } from '../workspace/types.js';
import type { CheckEffects } from './effects.js';
import type { CheckFacts } from './facts.js';

/** The input of one run of the doctor, shared by all its checks. */
export interface CheckInput {
  workspace: Workspace;
  /** The environment tovrun runs in (ctx.env). */
  env: NodeJS.ProcessEnv;
  platform: Platform;
  /** An unreachable database is an error, not a warning. */
  requireDb: boolean;
  /** Compose profiles requested with -p, besides tovrun.yaml's compose.profiles. */
  profiles: string[];
  effects: CheckEffects;
  /** Lookups several checks need (Python, venvs, npm settings, .env values), each done once per run. */
  facts: CheckFacts;
}

/** What a check returns. */
export interface CheckResult {
  findings: Finding[];
  /** Secret strings that must not appear in any output of the report. */
  secrets: string[];
}

/** A check result with findings only. */
export function findingsOnly(findings: Finding[]): CheckResult {
  return { findings, secrets: [] };
}

/** A path for messages: relative to the workspace root with / separators, or absolute when outside it. */
export function workspacePath(input: Pick<CheckInput, 'workspace'>, file: string): string {
  const relative = path.relative(input.workspace.root, file);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
