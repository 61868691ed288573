/** The config hygiene check: .env and git, secrets in .env.template, stale copies from before the consolidation. */
import type { CheckInput, CheckResult } from '../input.js';
import { gitTrackingFindings } from './git-tracking.js';
import { staleCopyFindings } from './stale-copies.js';
import { templateSecretFindings } from './template-secrets.js';

/** Runs the hygiene parts; git runs while the files are read. */
export async function checkHygiene(input: CheckInput): Promise<CheckResult> {
  const git = gitTrackingFindings(input);
  const secrets = templateSecretFindings(input);
  const stale = staleCopyFindings(input);
  return { findings: [...(await git), ...secrets.findings, ...stale], secrets: secrets.secrets };
}
