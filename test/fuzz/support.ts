// Shared pieces of the fuzz tests: the "only TovrunError, never slow" guard, text mutations and token alphabets.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { TovrunError } from '../../src/errors.js';

/** The repository root (test/fuzz/../..). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/**
 * Per-case time guard: one call on one fuzz input may take at most this long. Every input here is at most a few
 * tens of kB, which a linear parser reads in a few ms; the slack covers a machine busy with other test suites.
 * A parser that is quadratic on some shape of input (a backtracking regex, a copy per key) blows through it.
 */
export const caseBudgetMs = Number(process.env.FUZZ_CASE_BUDGET_MS ?? '750');

/** Run counts: small enough that the whole fuzz suite runs in well under 20 s, large enough to find shallow bugs. */
export const runs = { quick: 150, normal: 300, many: 600 } as const;

/**
 * fast-check parameters for one property; FUZZ_SEED reproduces a run, FUZZ_RUNS_FACTOR scales it up locally.
 * slow: the inputs are large, so a failure is reported as found instead of shrunk (shrinking re-runs slow cases).
 */
export function params(numRuns: number, options: { slow?: boolean } = {}): fc.Parameters<unknown> {
  const factor = Number(process.env.FUZZ_RUNS_FACTOR ?? '1');
  const seed = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };
  return { numRuns: Math.max(1, Math.round(numRuns * factor)), ...(options.slow ? { endOnFailure: true } : {}), ...seed };
}

/** What one guarded call did: returned, or threw a TovrunError (anything else is rethrown as a failure). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: TovrunError };

/**
 * Calls fn on one fuzz input: it may return or throw one of tovrun's typed errors (TovrunError and subclasses);
 * anything else it throws, and any call slower than caseBudgetMs, fails the property with the input's size.
 */
export function guarded<T>(what: string, input: string, fn: () => T): Outcome<T> {
  const started = performance.now();
  let outcome: Outcome<T>;
  try {
    outcome = { ok: true, value: fn() };
  } catch (error) {
    if (!(error instanceof TovrunError)) {
      const name = error instanceof Error ? `${error.constructor.name}: ${error.message.split('\n')[0]}` : String(error);
      throw new Error(`${what} threw ${name} (not a TovrunError) on ${describeInput(input)}`, { cause: error });
    }
    outcome = { ok: false, error };
  }
  const elapsed = performance.now() - started;
  if (elapsed > caseBudgetMs) throw new Error(`${what} took ${elapsed.toFixed(0)} ms (budget ${caseBudgetMs} ms) on ${describeInput(input)}`);
  return outcome;
}

/** A short description of an input for failure messages: its length and its start, escaped. */
export function describeInput(input: string): string {
  const shown = JSON.stringify(input.length > 160 ? `${input.slice(0, 160)}…` : input);
  return `input of ${input.length} chars ${shown}`;
}

/** Every file under dir (recursively) whose name passes keep, as [relative name, text]. */
export function corpus(dir: string, keep: (name: string) => boolean): [string, string][] {
  const found: [string, string][] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (keep(name)) found.push([path.relative(dir, full), readFileSync(full, 'utf8')]);
    }
  };
  walk(dir);
  return found;
}

/** One edit of a text: insert a fragment, delete a span, duplicate or drop a line, change line endings, truncate. */
type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'drop-line'; at: number }
  | { kind: 'swap-lines'; at: number }
  | { kind: 'crlf' }
  | { kind: 'cr' }
  | { kind: 'truncate'; at: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

function mutationArbitrary(fragments: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: 1 << 20 });
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: fragments }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 12 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop-line' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), at }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'crlf' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'cr' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('repeat' as const), at, length: fc.integer({ min: 1, max: 8 }), times: fc.integer({ min: 2, max: 40 }) }),
    },
  );
}

function applyMutation(text: string, mutation: Mutation): string {
  const position = (at: number) => (text.length === 0 ? 0 : at % (text.length + 1));
  const lines = text.split('\n');
  const line = (at: number) => at % lines.length;
  switch (mutation.kind) {
    case 'insert':
      return text.slice(0, position(mutation.at)) + mutation.text + text.slice(position(mutation.at));
    case 'delete':
      return text.slice(0, position(mutation.at)) + text.slice(position(mutation.at) + mutation.length);
    case 'duplicate-line':
      lines.splice(line(mutation.at), 0, lines[line(mutation.at)] ?? '');
      return lines.join('\n');
    case 'drop-line':
      lines.splice(line(mutation.at), 1);
      return lines.join('\n');
    case 'swap-lines': {
      const a = line(mutation.at);
      const b = (a + 1) % lines.length;
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'truncate':
      return text.slice(0, position(mutation.at));
    case 'repeat': {
      const start = position(mutation.at);
      return text.slice(0, start) + text.slice(start, start + mutation.length).repeat(mutation.times) + text.slice(start);
    }
  }
}

/** Texts made from one of seeds by 1 to maxEdits random edits whose inserted text comes from fragments. */
export function mutated(seeds: readonly string[], fragments: fc.Arbitrary<string>, maxEdits = 6): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutationArbitrary(fragments), { minLength: 1, maxLength: maxEdits }))
    .map(([seed, edits]) => edits.reduce(applyMutation, seed));
}

/** Text made of up to maxParts fragments. */
export function textOf(fragments: fc.Arbitrary<string>, maxParts = 60): fc.Arbitrary<string> {
  return fc.array(fragments, { maxLength: maxParts }).map((parts) => parts.join(''));
}

/** Characters that trouble line-oriented parsers: quotes, `$`, `#`, backslashes, line breaks, NUL, BOM, unicode. */
export const awkwardChars = fc.constantFrom(
  '"',
  "'",
  '`',
  '$',
  '{',
  '}',
  '#',
  '\\',
  '=',
  ':',
  '-',
  '?',
  '+',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\0',
  '\uFEFF',
  '\u00A0',
  '\u0085',
  '\u2028',
  '\u2029',
  '\v',
  '\f',
  'é',
  'ß',
  '中',
  '😀',
  '\uD800',
  '\uDC00',
  'a',
  'Z',
  '_',
  '0',
  '9',
);

/** A long run of one short unit: the shape that makes a backtracking regex or a per-item copy quadratic. */
export function longRun(units: fc.Arbitrary<string>, minLength = 5_000, maxLength = 25_000): fc.Arbitrary<string> {
  return fc.tuple(units, fc.integer({ min: minLength, max: maxLength })).map(([unit, length]) => unit.repeat(Math.ceil(length / Math.max(1, unit.length))));
}

/** Hard per-case deadline of the worker guard: a call still running then is a hang, and the worker is terminated. */
export const hangDeadlineMs = 10_000;

/** The calls the worker guard knows (see fuzz-worker.mjs). */
export type Operation =
  | 'parseEnv'
  | 'resolveEnvValues'
  | 'parseEnvTemplate'
  | 'checkEnv'
  | 'parseTovrunYaml'
  | 'loadWorkspace'
  | 'validateComposeFile'
  | 'readComposeModel'
  | 'interpolateCompose'
  | 'composeCheckScan';

interface WorkerAnswer {
  id?: number;
  ready?: boolean;
  ok: boolean;
  typed?: boolean;
  name?: string;
  message?: string;
  ms: number;
}

/**
 * The hard guard for large and hostile inputs: each call runs the built parser (dist/) in a worker thread, so a
 * call that never returns is terminated after hangDeadlineMs and reported as a hang with its input, instead of
 * hanging the test run. Fails like guarded() on an untyped error or a call slower than caseBudgetMs.
 */
export class WorkerGuard {
  #worker: Worker | null = null;
  #ready: Promise<void> | null = null;
  #next = 0;
  #pending = new Map<number, (answer: WorkerAnswer) => void>();

  #start(): Promise<void> {
    if (!existsSync(path.join(process.env.FUZZ_DIST ?? path.join(repoRoot, 'dist'), 'env', 'parse.js')))
      throw new Error('dist/ is missing: run `npm run build` first (the hard guard runs the built parsers).');
    const worker = new Worker(new URL('./fuzz-worker.mjs', import.meta.url));
    this.#worker = worker;
    this.#ready = new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (answer: WorkerAnswer) => {
        if (answer.ready) return resolve();
        const settle = answer.id === undefined ? undefined : this.#pending.get(answer.id);
        if (answer.id !== undefined) this.#pending.delete(answer.id);
        settle?.(answer);
      });
    });
    return this.#ready;
  }

  /** Runs operation(...args) in the worker; what names the input in failure messages. */
  async call(operation: Operation, args: string[], input: string = args.join('\n')): Promise<void> {
    if (!this.#worker) await this.#start();
    await this.#ready;
    const worker = this.#worker as Worker;
    const id = this.#next++;
    const answer = await new Promise<WorkerAnswer | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), hangDeadlineMs);
      this.#pending.set(id, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
      worker.postMessage({ id, operation, args });
    });
    if (answer === null) {
      this.#pending.delete(id);
      await this.stop();
      throw new Error(`${operation} hung: no answer after ${hangDeadlineMs} ms on ${describeInput(input)}`);
    }
    if (!answer.ok) throw new Error(`${operation} threw ${answer.name}: ${answer.message} (not a TovrunError) on ${describeInput(input)}`);
    if (answer.ms > caseBudgetMs) throw new Error(`${operation} took ${answer.ms.toFixed(0)} ms (budget ${caseBudgetMs} ms) on ${describeInput(input)}`);
  }

  /** Terminates the worker (the next call starts a new one). */
  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#ready = null;
    await worker?.terminate();
  }
}
