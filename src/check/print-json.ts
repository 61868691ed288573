/** Prints a report for machines: the findings as a JSON array. */
import { sortFindings, type Finding } from './report.js';

/** The findings as pretty-printed JSON, ending in a newline. */
export function formatJsonReport(findings: readonly Finding[]): string {
  return `${JSON.stringify(sortFindings(findings), null, 2)}\n`;
}
