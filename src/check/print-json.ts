/** Prints a report for machines: a JSON array of {id, status, message, hint, file, line, durationMs} (schema in templates/). */
import { orderFindings, type TimedFinding } from '../report/findings.js';

/** The fields of one entry, in the order they are printed. */
function entry(item: TimedFinding): TimedFinding {
  return { id: item.id, status: item.status, message: item.message, hint: item.hint, file: item.file, line: item.line, durationMs: item.durationMs };
}

/** The findings (grouped by check, then in reading order) as pretty-printed JSON, ending in a newline. */
export function formatJsonReport(findings: readonly TimedFinding[]): string {
  return `${JSON.stringify(orderFindings(findings).map(entry), null, 2)}\n`;
}
