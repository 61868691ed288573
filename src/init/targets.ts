/**
 * The safety check init makes before writing anything: no file it writes may go through a symbolic link that leaves
 * the workspace or leads nowhere, and a file it appends to or copies from must be a regular file. One refusal stops
 * the whole plan.
 */
import { lstatSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import type { InitAction, InitPlan } from './types.js';

/** The path as the user knows it, relative to the workspace, with forward slashes. */
const shown = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function realOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Whether file is root or lies under it. */
const inside = (root: string, file: string) => file === root || file.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);

/** The ConfigError for a link on the way to an action's file: outside the workspace, or to nothing. */
function linkError(root: string, link: string, real: string | undefined): ConfigError {
  const name = shown(root, link);
  const target = readlinkSync(link);
  if (real === undefined) {
    return new ConfigError(`${name} is a symbolic link to ${target}, which does not exist; tovrun init will not create a file through it, and wrote nothing.`, {
      file: link,
      hint: `Remove the link (\`rm ${name}\`) and run tovrun init again to get a fresh ${name}, or create what it points to.`,
    });
  }
  return new ConfigError(`${name} is a symbolic link to ${real}, outside the workspace; tovrun init writes only inside ${root} and wrote nothing.`, {
    file: link,
    hint: `Replace the link with a real ${statSync(link).isDirectory() ? 'folder' : 'file'} (or remove it), then run tovrun init again.`,
  });
}

/** Throws when writing action would go through a link out of the workspace or to nothing, or append to what is not a file. */
function checkAction(root: string, realRoot: string, action: InitAction): void {
  const parts = action.path.split('/');
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    const stat = lstatOrUndefined(current);
    if (!stat) return;
    if (stat.isSymbolicLink()) {
      const real = realOrUndefined(current);
      if (real === undefined || !inside(realRoot, real)) throw linkError(root, current, real);
    }
  }
  const target = action.kind === 'append' || action.kind === 'edit' ? statSync(current) : undefined;
  if (target && !target.isFile()) {
    throw new ConfigError(
      `${action.path} is ${target.isDirectory() ? 'a folder' : 'not a regular file'}; tovrun init ${action.kind === 'edit' ? 'adds entries' : 'appends lines'} to it and wrote nothing.`,
      {
        file: current,
        hint: `Move ${action.path} away and run tovrun init again to create it.`,
      },
    );
  }
}

/** Throws when a copy's source (a user's .env.template copied to .env) is not a regular file: a FIFO would block the copy forever. */
function checkSource(root: string, action: InitAction): void {
  if (action.kind !== 'copy' || statSync(action.from).isFile()) return;
  const name = shown(root, action.from);
  throw new ConfigError(`${name} is not a regular file (a folder, a FIFO or a device); tovrun init copies it to ${action.path} and wrote nothing.`, {
    file: action.from,
    hint: `Put a plain text file named ${name} in its place, then run tovrun init again.`,
  });
}

/** Throws a ConfigError, before anything is written, when any action of the plan could write outside the workspace or through a broken link. */
export function checkInitTargets(plan: InitPlan): void {
  const realRoot = realOrUndefined(plan.root) ?? path.resolve(plan.root);
  for (const action of plan.actions) {
    checkAction(plan.root, realRoot, action);
    checkSource(plan.root, action);
  }
}
