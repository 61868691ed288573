/** Runs the doctor's checks concurrently, each under its own timeout, timing each; a crash or timeout becomes a finding. */
import { ExitCode, TovrunError } from '../errors.js';
import { timedOut, withDeadline } from '../os/delay.js';
import { type CheckStatus, finding, type TimedFinding } from '../report/findings.js';
import { formatSeconds } from '../text/seconds.js';
import type { CheckInput, CheckResult } from './input.js';

/** One check of the doctor. */
export interface DoctorCheck {
  /** The name `tovrun check <name>` takes, and the prefix of its finding ids. */
  name: string;
  /** What it looks at, in a few words. */
  description: string;
  timeoutMs: number;
  /** The status of the finding that reports a timeout (warn unless the check says otherwise). */
  timeoutStatus?(input: CheckInput): CheckStatus;
  run(input: CheckInput): CheckResult | Promise<CheckResult>;
}

/** Every finding, timed by its check, and every secret the checks saw. */
export interface DoctorReport {
  findings: TimedFinding[];
  secrets: string[];
}

async function runOne(check: DoctorCheck, input: CheckInput): Promise<CheckResult> {
  const limit = input.effects.timeoutsMs[check.name] ?? check.timeoutMs;
  try {
    const result = await withDeadline(
      Promise.resolve().then(() => check.run(input)),
      limit,
    );
    if (result !== timedOut) return result;
    const status = check.timeoutStatus?.(input) ?? 'warn';
    return {
      findings: [
        finding(
          `${check.name}/timeout`,
          status,
          `the ${check.name} check did not finish within ${formatSeconds(limit, 'limit')} and was stopped waiting; its results are missing.`,
          { hint: `Run \`tovrun check ${check.name}\` again; if it keeps timing out, something it asks (a tool, a port, the database) hangs.` },
        ),
      ],
      secrets: [],
    };
  } catch (error) {
    // A broken tovrun.yaml or .env.template is the user's to fix, with its own exit code (2), as everywhere in tovrun.
    if (error instanceof TovrunError && error.exitCode === ExitCode.usage) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return {
      findings: [
        finding(`${check.name}/crashed`, 'error', `the ${check.name} check failed unexpectedly: ${message}`, {
          hint: 'Run again with TOVRUN_DEBUG=1 for details, and please report it.',
        }),
      ],
      secrets: [],
    };
  }
}

/** Runs the checks at once; findings come back in the checks' order, each stamped with its check's duration. */
export async function runDoctorChecks(checks: readonly DoctorCheck[], input: CheckInput): Promise<DoctorReport> {
  const results = await Promise.all(
    checks.map(async (check) => {
      const started = input.effects.now();
      const result = await runOne(check, input);
      const durationMs = Math.round(input.effects.now() - started);
      return { findings: result.findings.map((item) => ({ ...item, durationMs })), secrets: result.secrets };
    }),
  );
  return { findings: results.flatMap((result) => result.findings), secrets: results.flatMap((result) => result.secrets) };
}
