/** Typed errors thrown anywhere in tovrun and turned into an exit code once, at the top (see exitCodeOf). */

/** Exit codes: 0 ok, 1 checks or services failed, 2 usage or configuration error, 130 interrupted. */
export const ExitCode = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** Where in a user's file a problem sits; line is 1-based. */
export interface FileLocation {
  file: string;
  line?: number;
}

/** Base of every error tovrun raises on purpose: a message for the user, an optional fix, and an exit code. */
export class TovrunError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;
  readonly location: FileLocation | undefined;

  constructor(message: string, options: { exitCode: number; hint?: string; location?: FileLocation; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode;
    this.hint = options.hint;
    this.location = options.location;
  }
}

/** A bad flag, command or argument (exit 2). */
export class UsageError extends TovrunError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.usage, ...(hint === undefined ? {} : { hint }) });
  }
}

/** A broken configuration file (tovrun.yaml, compose file, template): names file, line, key, found and expected (exit 2). */
export class ConfigError extends TovrunError {
  readonly key: string | undefined;

  constructor(message: string, details: { file: string; line?: number; key?: string; hint?: string; cause?: unknown }) {
    super(message, {
      exitCode: ExitCode.usage,
      location: { file: details.file, ...(details.line === undefined ? {} : { line: details.line }) },
      ...(details.hint === undefined ? {} : { hint: details.hint }),
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    });
    this.key = details.key;
  }
}

/** Checks found problems, or a service or tool failed; the report was already printed (exit 1). */
export class FailedError extends TovrunError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.failed, ...(hint === undefined ? {} : { hint }) });
  }
}

/** The exit code an error stands for: its own for tovrun's errors, 1 for anything unexpected. */
export function exitCodeOf(error: unknown): number {
  return error instanceof TovrunError ? error.exitCode : ExitCode.failed;
}

/** One paragraph for the user: location, message and fix; a stack trace only for unexpected errors or when debugging. */
export function formatError(error: unknown, debug: boolean): string {
  if (error instanceof TovrunError) {
    const where = error.location ? `${error.location.file}${error.location.line ? `:${error.location.line}` : ''}: ` : '';
    const hint = error.hint ? `\n  ${error.hint}` : '';
    const trace = debug && error.stack ? `\n${error.stack}` : '';
    return `tovrun: ${where}${error.message}${hint}${trace}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const trace = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '\n  Run again with TOVRUN_DEBUG=1 for details, and please report it.';
  return `tovrun: unexpected error: ${message}${trace}`;
}

/** The longest run of non-blank characters a message shows whole (longer ones, such as a 100,000-character key, are shortened). */
export const longestWord = 200;

const longWord = new RegExp(`\\S{${longestWord + 1},}`, 'g');

/** text with every run of more than longestWord non-blank characters cut to its start and its length (mask secrets first). */
export function shortenLongWords(text: string): string {
  if (text.length <= longestWord) return text;
  return text.replace(longWord, (word) => `${word.slice(0, 40)}…(${word.length} characters)`);
}
