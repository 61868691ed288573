/** Searching services' kept lines: since a time, matching a regex, the last n; and each service's last error block. */
import { UsageError } from '../../errors.js';
import type { OutputStream } from '../../os/launcher.js';
import { type LineSource, lastErrorBlock } from '../../text/error-blocks.js';

/** Where a kept line came from: the service's stdout or stderr, or tovrun itself (a notice: started, exited, ready…). */
export type LogStream = OutputStream | 'tovrun';

/** What `tovrun logs --json` asks for: one service (null: all), lines since a time (ms since the epoch), matching a regex, the last n. */
export interface LogQuery {
  service: string | null;
  since: number | null;
  grep: string | null;
  lines: number | null;
}

/** One line of an answer: its service, when it arrived (ISO 8601; null when read from a log file, which keeps no times), where from, its text. */
export interface LogLine {
  service: string;
  time: string | null;
  /** stdout, stderr, tovrun (a notice of tovrun's), or null when read from a log file (which does not tell stdout from stderr). */
  stream: LogStream | null;
  text: string;
}

/** The lines found: the last `lines` of those matching, and how many matched in all. */
export interface LogAnswer {
  /** Where they were read: the running tovrun's memory (with times), or the log files in .tovrun/logs/. */
  source: 'live' | 'files';
  matched: number;
  lines: LogLine[];
}

/** One service's last error block (a traceback, a bundler error, a failure tovrun reported). */
export interface ServiceError {
  service: string;
  lines: LogLine[];
  /** Lines of the block left out at its start, past maxErrorLines. */
  omitted: number;
}

/** The most lines one answer holds; -n asks for fewer. */
export const maxAnswerLines = 5_000;
/** The most lines of one error block (its end kept: the exception is last). */
export const maxErrorLines = 200;

/** A line as kept: its time (null when unknown) and stream (null when unknown). */
export interface KeptLine {
  time: number | null;
  stream: LogStream | null;
  text: string;
}

/** One service's kept lines, readable by index (for error blocks) and as a list. */
export interface ServiceSource extends LineSource {
  readonly service: string;
  entry(index: number): KeptLine | undefined;
}

/** The usage error for a service neither the running tovrun nor the log files know. */
export function unknownService(service: string, known: readonly string[]): UsageError {
  return new UsageError(`unknown service "${service}".`, known.length === 0 ? 'This workspace has no services.' : `Known services: ${known.join(', ')}.`);
}

/** The regex of --grep; a UsageError naming the pattern when it is not one. */
export function compileGrep(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (error) {
    throw new UsageError(
      `--grep ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}.`,
      'Give a JavaScript regular expression, e.g. --grep "GET /api" or --grep "Error|Exception".',
    );
  }
}

function toLine(service: string, kept: KeptLine): LogLine {
  return { service, time: kept.time === null ? null : new Date(kept.time).toISOString(), stream: kept.stream, text: kept.text };
}

function entries(source: ServiceSource): KeptLine[] {
  const list: KeptLine[] = [];
  for (let index = source.first; index < source.end; index += 1) {
    const entry = source.entry(index);
    if (entry) list.push(entry);
  }
  return list;
}

/** The lines of sources matching query, services merged by time (lines of one service keep their order), at most maxAnswerLines. */
export function queryLines(sources: readonly ServiceSource[], query: LogQuery, source: LogAnswer['source']): LogAnswer {
  const grep = query.grep === null ? null : compileGrep(query.grep);
  const chosen = query.service === null ? sources : sources.filter((each) => each.service === query.service);
  const matching = chosen.flatMap((each) =>
    entries(each)
      .filter((kept) => query.since === null || (kept.time !== null && kept.time >= query.since))
      .filter((kept) => grep === null || grep.test(kept.text))
      .map((kept, order) => ({ line: toLine(each.service, kept), time: kept.time ?? 0, order })),
  );
  if (chosen.length > 1) matching.sort((a, b) => a.time - b.time || a.order - b.order);
  const count = Math.min(query.lines ?? maxAnswerLines, maxAnswerLines);
  return { source, matched: matching.length, lines: count === 0 ? [] : matching.slice(-count).map((each) => each.line) };
}

/** Each service's last error block (services without one left out), each cut to its last maxErrorLines lines. */
export function lastErrors(sources: readonly ServiceSource[]): ServiceError[] {
  return sources.flatMap((source) => {
    const block = lastErrorBlock(source);
    if (block === null) return [];
    const start = Math.max(block.start, block.end - maxErrorLines + 1);
    const lines: LogLine[] = [];
    for (let index = start; index <= block.end; index += 1) {
      const entry = source.entry(index);
      if (entry) lines.push(toLine(source.service, entry));
    }
    return [{ service: source.service, lines, omitted: start - block.start }];
  });
}
