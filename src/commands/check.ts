/** `tovrun check [checks...]` / `tovrun --check`: the read-only doctor — every check at once, one fix per problem. */
import { doctorChecks } from '../check/checks.js';
import { type CheckEffects, realCheckEffects } from '../check/effects.js';
import { createCheckFacts } from '../check/facts.js';
import type { CheckInput } from '../check/input.js';
import { formatGitHubAnnotations, isGitHubActions } from '../check/print-github.js';
import { formatHumanReport, humanReportStyle } from '../check/print-human.js';
import { formatJsonReport } from '../check/print-json.js';
import { type DoctorCheck, runDoctorChecks } from '../check/run-checks.js';
import type { RunContext } from '../context.js';
import { maskerForSecrets } from '../env/mask.js';
import { UsageError } from '../errors.js';
import { platformFor } from '../platform/platform.js';
import { exitCodeForFindings, maskFindings } from '../report/findings.js';
import { loadCommandWorkspace } from '../workspace/load.js';
import { checkServiceDirs } from '../workspace/service-dirs.js';

/** Options of the check command. */
export interface CheckOptions {
  json: boolean;
  /** Warnings fail the run too. */
  strict: boolean;
  /** An unreachable database is an error, not a warning. */
  requireDb: boolean;
  /** Compose profiles to check as if started, besides tovrun.yaml's. */
  profiles: string[];
}

/** The names `tovrun check` accepts, in report order. */
export const checkNames: readonly string[] = doctorChecks.map((check) => check.name);

/** The checks to run for the names given (all when none); a UsageError naming the available ones otherwise. */
export function selectChecks(names: readonly string[]): DoctorCheck[] {
  const wanted = new Set(names);
  const unknown = [...wanted].find((name) => !checkNames.includes(name));
  if (unknown !== undefined) {
    throw new UsageError(`unknown check "${unknown}".`, `Available checks: ${checkNames.join(', ')}. Run \`tovrun check\` for all of them.`);
  }
  return wanted.size === 0 ? [...doctorChecks] : doctorChecks.filter((check) => wanted.has(check.name));
}

/** Runs the requested checks and prints the report (JSON on stdout with --json; annotations too under GitHub Actions), every secret masked; 1 when a check failed. */
export async function runCheck(ctx: RunContext, names: string[], options: CheckOptions, effects: Partial<CheckEffects> = {}): Promise<number> {
  const checks = selectChecks(names);
  // The doctor writes nothing: an earlier run's parse of tovrun.yaml may be used, none is remembered.
  const workspace = loadCommandWorkspace(ctx, 'recall');
  // A folder tovrun.yaml names but that is missing is a configuration error, as it is for `tovrun` and `--dry-run`.
  checkServiceDirs(workspace);
  const platform = platformFor(ctx.platform);
  const allEffects: CheckEffects = { ...realCheckEffects(platform), ...effects };
  const input: CheckInput = {
    workspace,
    env: ctx.env,
    platform,
    requireDb: options.requireDb,
    profiles: options.profiles,
    effects: allEffects,
    facts: createCheckFacts({ workspace, env: ctx.env, platform, effects: allEffects }),
  };
  const report = await runDoctorChecks(checks, input);
  const findings = maskFindings(report.findings, maskerForSecrets(report.secrets));
  ctx.stdout.write(options.json ? formatJsonReport(findings) : formatHumanReport(findings, humanReportStyle(ctx), { strict: options.strict }));
  if (isGitHubActions(ctx.env)) {
    // Under --json stdout holds the JSON and nothing else; the runner reads workflow commands from stderr as well.
    (options.json ? ctx.stderr : ctx.stdout).write(formatGitHubAnnotations(findings, { root: workspace.root, checkout: ctx.env.GITHUB_WORKSPACE }));
  }
  return exitCodeForFindings(findings, options.strict);
}
