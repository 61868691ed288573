/** `tovrun init [dir]`: adopts tovrun in an existing repository — plans, asks (in a terminal), prints and applies. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RunContext } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import { realCheckFiles } from '../files/read-only-files.js';
import { applyInit, type InitWriter, realInitWriter } from '../init/apply.js';
import { type Ask, folderAnswer, terminalAsk } from '../init/ask.js';
import { detectLayout } from '../init/detect.js';
import { pinnedSpec } from '../init/package-pin.js';
import { planInit, presetAdopts } from '../init/plan.js';
import { formatInitPlan } from '../init/print.js';
import type { InitChoices, InitReader } from '../init/types.js';

/** The init flags. */
export interface InitOptions {
  preset: string;
  dryRun: boolean;
  backend?: string | undefined;
  frontend?: string | undefined;
  yes: boolean;
  /** What the root package.json pins tovrun at (default: the running version). */
  tovrunSpec?: string | undefined;
}

/** The effects init uses; tests pass fakes. */
export interface InitDependencies {
  reader: InitReader;
  writer: InitWriter;
  /** Present when questions may be asked (a terminal, no --yes). */
  ask?: Ask | undefined;
}

const realReader: InitReader = { ...realCheckFiles, exists: existsSync };

/** The spec init pins: --tovrun-spec (refused when empty or multi-line; a local path made relative to root); undefined: this tovrun's version. */
function tovrunSpec(ctx: RunContext, root: string, options: InitOptions): string | undefined {
  if (options.tovrunSpec === undefined) return undefined;
  const spec = options.tovrunSpec.trim();
  if (spec === '' || /[\r\n]/.test(spec))
    throw new UsageError(
      '--tovrun-spec is empty or spans lines.',
      'Give one npm spec: `--tovrun-spec ^0.1.0`, `--tovrun-spec ./tovrun-0.1.0.tgz` or `--tovrun-spec git+https://…`.',
    );
  return pinnedSpec(spec, ctx.cwd, root);
}

/** The choices: flags first, then (in a terminal, for a preset that adopts the repository) the answers to the folder questions. */
async function choose(ctx: RunContext, root: string, options: InitOptions, deps: InitDependencies): Promise<InitChoices> {
  const choices: InitChoices = { preset: options.preset, tovrunSpec: tovrunSpec(ctx, root, options), backend: options.backend, frontend: options.frontend };
  if (!deps.ask || !presetAdopts(options.preset)) return choices;
  const detected = detectLayout(root, deps.reader);
  if (choices.backend === undefined)
    choices.backend = folderAnswer(await deps.ask('Backend folder (Flask, requirements.txt)', detected.backend ?? '')) ?? undefined;
  if (choices.frontend === undefined) choices.frontend = folderAnswer(await deps.ask('Frontend folder (Vite)', detected.frontend ?? '')) ?? undefined;
  return choices;
}

/** Runs init in dir (default: the current folder) with the given effects. */
export async function runInit(ctx: RunContext, dir: string | undefined, options: InitOptions, deps: InitDependencies): Promise<number> {
  const root = path.resolve(ctx.cwd, dir ?? '.');
  // A preset that scaffolds a new stack may be given a new folder; one that adopts a repository needs it to exist.
  if (!deps.reader.exists(root) && presetAdopts(options.preset)) {
    throw new UsageError(
      `${root} does not exist.`,
      'Pass the folder of an existing repository: `tovrun init <dir>` (or `--preset node-postgres-redis` to start a new one).',
    );
  }
  const plan = planInit(root, await choose(ctx, root, options, deps), deps.reader);
  if (!options.dryRun) applyInit(plan, deps.writer);
  ctx.stdout.write(formatInitPlan(plan, options.dryRun));
  return ExitCode.ok;
}

/** The CLI entry: real files, and terminal questions when stdin and stdout are terminals and --yes is absent. */
export async function runInitCommand(ctx: RunContext, dir: string | undefined, options: InitOptions): Promise<number> {
  const interactive = !options.yes && !options.dryRun && Boolean(process.stdin.isTTY) && ctx.stdout.isTTY;
  const terminal = interactive ? terminalAsk() : undefined;
  try {
    return await runInit(ctx, dir, options, { reader: realReader, writer: realInitWriter, ask: terminal?.ask });
  } finally {
    terminal?.close();
  }
}
