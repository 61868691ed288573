/** hygiene/env-*: .env is ignored by git and not tracked; asked of git read-only (check-ignore, ls-files) with a timeout. */
import type { RunResult } from '../../os/system-runner.js';
import type { Platform } from '../../platform/platform.js';
import { type Finding, finding } from '../../report/findings.js';
import { type CheckInput, workspacePath } from '../input.js';
import { appendLineCommand } from '../shell-hints.js';

/** How long one git command may take. */
export const gitTimeoutMs = 5_000;

function git(input: CheckInput, args: string[]): Promise<RunResult> {
  // GIT_OPTIONAL_LOCKS=0: git must not even refresh its index while tovrun only looks.
  return input.effects.runner('git', args, { cwd: input.workspace.root, env: { ...input.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }, timeoutMs: gitTimeoutMs });
}

/** How to install git, for the platform. */
function gitInstallHint(platform: Platform): string {
  return platform.isWindows
    ? 'Install Git for Windows (`winget install Git.Git`, or https://git-scm.com/download/win) and open a new terminal.'
    : 'Install git (https://git-scm.com/downloads) to have it checked.';
}

/** Why git could not answer (not installed, not a repository, too slow), as an ok or warn finding, or null when it answered. */
function unanswered(input: CheckInput, result: RunResult): Finding | null {
  // The runner looks git up on PATH (PATHEXT on Windows) before starting anything, so a missing git is ENOENT, never a
  // shell's "not recognized" exit 1 that would read as ".env is not ignored".
  if (result.spawnError === 'ENOENT')
    return finding('hygiene/git', 'ok', 'git was not found on PATH; whether .env is ignored by git was not checked.', { hint: gitInstallHint(input.platform) });
  if (/not a git repository/i.test(result.output)) return finding('hygiene/git', 'ok', 'not a git repository; whether .env is ignored by git was not checked.');
  if (result.exitCode === undefined)
    return finding('hygiene/git', 'warn', `git did not answer within ${gitTimeoutMs / 1000} s; whether .env is ignored was not checked.`);
  return null;
}

/** Findings about .env and git. */
export async function gitTrackingFindings(input: CheckInput): Promise<Finding[]> {
  const env = workspacePath(input, input.workspace.envFile);
  const [ignored, tracked] = await Promise.all([git(input, ['check-ignore', '-q', '--no-index', '--', env]), git(input, ['ls-files', '--', env])]);
  const skipped = unanswered(input, ignored) ?? unanswered(input, tracked);
  if (skipped) return [skipped];
  const findings: Finding[] = [];
  if (ignored.exitCode === 1) {
    findings.push(
      finding('hygiene/env-not-ignored', 'error', `${env} is not ignored by git — one \`git add .\` and its secrets are committed.`, {
        file: '.gitignore',
        hint: `Run \`${appendLineCommand(env, '.gitignore', input.platform)}\` in ${input.workspace.root}.`,
      }),
    );
  }
  if (tracked.exitCode === 0 && tracked.output.trim() !== '') {
    findings.push(
      finding('hygiene/env-tracked', 'error', `${env} is tracked by git — its secrets are in the repository's history.`, {
        file: env,
        hint: `Run \`git rm --cached ${env}\` and commit, then change every secret it held (the history keeps the old values).`,
      }),
    );
  }
  if (ignored.exitCode !== 0 && ignored.exitCode !== 1)
    findings.push(finding('hygiene/git', 'warn', `git check-ignore failed: ${ignored.output.trim().split('\n')[0] ?? ''}`));
  return findings.length > 0 ? findings : [finding('hygiene/env-ignored', 'ok', `${env} is ignored by git and not tracked.`)];
}
