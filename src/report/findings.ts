/** The doctor's report: plain-data findings every check produces and every printer (human, JSON) reads. */
import { ExitCode, shortenLongWords } from '../errors.js';

/** How a finding ranks: ok (a check passed), warn (worth fixing, not failing), error (fails the check). */
export type CheckStatus = 'ok' | 'warn' | 'error';

/** One result of a check: a rule id such as env/unknown-key, a message, a fix, and where (file relative to the workspace root). */
export interface Finding {
  id: string;
  status: CheckStatus;
  message: string;
  hint: string | null;
  file: string | null;
  line: number | null;
}

/** Builds a finding; where and hint are optional. */
export function finding(id: string, status: CheckStatus, message: string, extra: { hint?: string; file?: string; line?: number } = {}): Finding {
  return { id, status, message, hint: extra.hint ?? null, file: extra.file ?? null, line: extra.line ?? null };
}

/** How many findings have each status. */
export function countByStatus(findings: readonly Finding[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { ok: 0, warn: 0, error: 0 };
  for (const item of findings) counts[item.status]++;
  return counts;
}

/** The worst status among findings (ok when there are none). */
export function worstStatus(findings: readonly Finding[]): CheckStatus {
  const counts = countByStatus(findings);
  if (counts.error > 0) return 'error';
  return counts.warn > 0 ? 'warn' : 'ok';
}

/** Exit code of a report: 1 when any finding is an error (or, with strict, a warning), else 0. */
export function exitCodeForFindings(findings: readonly Finding[], strict = false): number {
  const worst = worstStatus(findings);
  return worst === 'error' || (strict && worst === 'warn') ? ExitCode.failed : ExitCode.ok;
}

const severity: Record<CheckStatus, number> = { error: 0, warn: 1, ok: 2 };

/** Findings in reading order: by file, then line (file-level findings after the lines), errors first, then rule id. */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? Infinity) - (b.line ?? Infinity) ||
      severity[a.status] - severity[b.status] ||
      a.id.localeCompare(b.id),
  );
}

/** The check a finding belongs to: the part of its id before the first slash (env for env/unknown-key). */
export function checkNameOf(item: Pick<Finding, 'id'>): string {
  const slash = item.id.indexOf('/');
  return slash < 0 ? item.id : item.id.slice(0, slash);
}

/** Findings grouped by check in the order the checks first appear, each group in reading order (sortFindings). */
export function orderFindings<T extends Finding>(findings: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const item of findings) {
    const name = checkNameOf(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return [...groups.values()].flatMap((group) => sortFindings(group));
}

/** A finding with how long its check took, as `--json` prints it. */
export interface TimedFinding extends Finding {
  durationMs: number;
}

/**
 * Findings with mask applied to every text a user reads (message, hint, file), leaving the structure intact; then,
 * only after masking (so no part of a secret is cut out of its reach), overlong words in message and hint are shortened.
 */
export function maskFindings<T extends Finding>(findings: readonly T[], mask: (text: string) => string): T[] {
  return findings.map((item) => ({
    ...item,
    message: shortenLongWords(mask(item.message)),
    hint: item.hint === null ? null : shortenLongWords(mask(item.hint)),
    file: item.file === null ? null : mask(item.file),
  }));
}
