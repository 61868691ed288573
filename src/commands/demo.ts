/** `tovrun demo [dir]`: copies the embedded Flask + Vite demo into a scratch folder and runs the whole pipeline there. */
import { constants, copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunContext } from '../context.js';
import { UsageError } from '../errors.js';
import { applyCopy, planCopy } from '../files/copy-tree.js';
import { templatePath } from '../paths.js';
import { runUpCommand, type UpDependencies, type UpOptions } from './up.js';

/** The file that marks a folder as a demo tovrun made, so a second `tovrun demo` reuses it. */
export const demoMarker = '.tovrun-demo';

/** Copies the demo into target unless it is already a demo; refuses a folder holding anything else. Returns what it did. */
export function prepareDemo(target: string, source = templatePath('demo')): 'created' | 'reused' {
  if (existsSync(path.join(target, demoMarker))) return 'reused';
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new UsageError(`${target} is not empty; tovrun demo never writes over existing files.`, 'Pass an empty or new folder: `tovrun demo <dir>`.');
  }
  applyCopy(planCopy(source, target));
  copyFileSync(path.join(target, '.env.template'), path.join(target, '.env'), constants.COPYFILE_EXCL);
  writeFileSync(path.join(target, demoMarker), 'This folder was created by `tovrun demo`; delete it when you are done.\n');
  return 'created';
}

/** Prepares the demo (default .tovrun/demo under the current folder) and runs `tovrun up` in it. */
export async function runDemoCommand(ctx: RunContext, dir: string | undefined, options: UpOptions, deps?: UpDependencies): Promise<number> {
  const target = path.resolve(ctx.cwd, dir ?? path.join('.tovrun', 'demo'));
  const how = prepareDemo(target);
  ctx.stdout.write(`${how === 'created' ? 'Created' : 'Using'} the demo workspace in ${target}\n`);
  return runUpCommand({ ...ctx, cwd: target }, options, deps);
}
