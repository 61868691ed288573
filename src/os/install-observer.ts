/**
 * The install's progress as an output that something other than the task list shows (the terminal UI implements it,
 * install reports to it), defined below both as the output sink is.
 */
/** Where a run's install shows instead of the task list: each service's start, its lines, its end, and the report. */
export interface InstallObserver {
  /** The check found the service up to date: nothing runs for it. */
  upToDate(name: string): void;
  /** The service's install starts (reason: why it is due). */
  started(name: string, reason: string | undefined): void;
  /** A step, a tool's line or a warning of the service's install. */
  line(name: string, text: string): void;
  /** The service's install ended; lines: for a failure, its labelled message, output tail and hint. */
  finished(name: string, status: 'installed' | 'failed', lines: readonly string[]): void;
  /** The report (warnings, failures) the terminal gets after the list; given here instead of to stderr. */
  report(lines: readonly string[]): void;
}
