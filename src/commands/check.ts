/** `tovrun check [checks...]` / `tovrun --check`: the read-only doctor (for now: the env check). */
import { availableChecks, type Check } from '../check/checks.js';
import { formatHumanReport, humanReportStyle } from '../check/print-human.js';
import { formatJsonReport } from '../check/print-json.js';
import { exitCodeForFindings, maskFindings } from '../check/report.js';
import type { RunContext } from '../context.js';
import { maskerForSecrets } from '../env/mask.js';
import { UsageError } from '../errors.js';
import { loadWorkspace } from '../workspace/load.js';

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

/** The checks to run for the names given (all when none); a UsageError naming the available ones otherwise. */
export function selectChecks(names: readonly string[]): Check[] {
  const wanted = names.length === 0 ? [...availableChecks.keys()] : [...new Set(names)];
  return wanted.map((name) => {
    const check = availableChecks.get(name);
    if (!check) throw new UsageError(`unknown check "${name}".`, `Available checks: ${[...availableChecks.keys()].join(', ')}. Run \`tovrun check\` for all of them.`);
    return check;
  });
}

/** Runs the requested checks, prints the report with every secret masked, and returns 1 when any check failed. */
export async function runCheck(ctx: RunContext, names: string[], options: CheckOptions): Promise<number> {
  const checks = selectChecks(names);
  const workspace = loadWorkspace(ctx.cwd);
  const results = checks.map((check) => check(workspace));
  const mask = maskerForSecrets(results.flatMap((result) => result.secrets));
  const findings = maskFindings(results.flatMap((result) => result.findings), mask);
  ctx.stdout.write(options.json ? formatJsonReport(findings) : formatHumanReport(findings, humanReportStyle(ctx)));
  return exitCodeForFindings(findings);
}
