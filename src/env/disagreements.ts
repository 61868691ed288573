/** Finds the lines of a .env that Flask, Vite and docker compose read differently, and why. */
import { type EnvEntry, type EnvInvalid, type EnvStatement, invalidValueText, type ParsedEnv, withoutInlineComment } from './parse.js';
import { type EnvReadings, type Reading, readingOf, sameReading } from './readers/readings.js';
import type { ReaderName } from './readers/types.js';

/** The syntax behind a disagreement, which decides how to write the line portably. */
export type DisagreementCause =
  | 'after-quote'
  | 'unterminated-quote'
  | 'joined-line'
  | 'backticks'
  | 'hash'
  | 'shell-modifier'
  | 'later-reference'
  | 'single-quoted-dollar'
  | 'double-dollar'
  | 'dollar'
  | 'backslash'
  | 'other';

/** One key the readers do not agree on, at the line that sets it last. */
export interface ReaderDisagreement {
  key: string;
  line: number;
  readings: Record<ReaderName, Reading>;
  cause: DisagreementCause;
  /** Line of the statement this one is joined to, for cause 'joined-line'. */
  joinedTo: number | null;
  /** Key defined further down that this value refers to, for cause 'later-reference'. */
  laterKey: string | null;
}

const readerNames: ReaderName[] = ['flask', 'vite', 'compose'];

function causeOfInvalid(statement: EnvInvalid): DisagreementCause {
  const value = invalidValueText(statement);
  const quote = value.charAt(0);
  if (quote !== '"' && quote !== "'") return 'other';
  return /^(["'])(?:\\.|(?!\1).)*\1/s.test(value) ? 'after-quote' : 'unterminated-quote';
}

/** A key referenced as ${NAME} that is first defined below this line. */
function laterReference(entry: EnvEntry, firstLines: Map<string, number>): string | null {
  for (const match of (entry.rawValue ?? '').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1] ?? '';
    if ((firstLines.get(name) ?? 0) > entry.line) return name;
  }
  return null;
}

function causeOfEntry(entry: EnvEntry, laterKey: string | null): DisagreementCause {
  const raw = entry.rawValue ?? '';
  if (entry.quote === null && raw.startsWith('`')) return 'backticks';
  if (entry.quote === null && (withoutInlineComment(raw).includes('#') || raw.includes('\t#'))) return 'hash';
  if (/\$\{[A-Za-z_][A-Za-z0-9_]*(?::\?|\?|:\+|\+|-)/.test(raw)) return 'shell-modifier';
  if (laterKey) return 'later-reference';
  if (entry.quote === "'" && raw.includes('$')) return 'single-quoted-dollar';
  if (raw.includes('$$')) return 'double-dollar';
  if (raw.includes('$')) return 'dollar';
  if (raw.includes('\\')) return 'backslash';
  return 'other';
}

/** The statement before index that sets something (comments skipped). */
function previousStatement(statements: EnvStatement[], index: number): EnvStatement | undefined {
  for (let at = index - 1; at >= 0; at--) if (statements[at]?.kind !== 'comment') return statements[at];
  return undefined;
}

/** Every key whose three readings differ, with its cause; keys a reader cannot even name are left to syntax rules. */
export function findReaderDisagreements(parsed: ParsedEnv, readings: EnvReadings): ReaderDisagreement[] {
  const firstLines = new Map<string, number>();
  const lastIndex = new Map<string, number>();
  parsed.statements.forEach((statement, index) => {
    const key = statement.kind === 'comment' ? null : statement.key;
    if (key === null) return;
    if (!firstLines.has(key)) firstLines.set(key, statement.line);
    lastIndex.set(key, index);
  });
  const found: ReaderDisagreement[] = [];
  for (const [key, index] of lastIndex) {
    const statement = parsed.statements[index] as EnvEntry | EnvInvalid;
    const byReader = Object.fromEntries(readerNames.map((name) => [name, readingOf(readings[name], key)])) as Record<ReaderName, Reading>;
    if (readerNames.every((name) => sameReading(byReader[name], byReader.flask))) continue;
    const previous = previousStatement(parsed.statements, index);
    const joinedTo = previous?.kind === 'entry' && previous.value === null ? previous.line : null;
    const laterKey = statement.kind === 'entry' ? laterReference(statement, firstLines) : null;
    let cause: DisagreementCause;
    if (statement.kind === 'invalid') cause = causeOfInvalid(statement);
    else if (joinedTo !== null) cause = 'joined-line';
    else cause = causeOfEntry(statement, laterKey);
    found.push({ key, line: statement.line, readings: byReader, cause, joinedTo, laterKey });
  }
  return found.sort((a, b) => a.line - b.line);
}
