/** `tovrun down`: stops what a previous tovrun recorded in .tovrun/state.json and left running. */
import type { RunContext } from '../context.js';
import { NotImplementedError } from '../errors.js';

/** Stops leftovers of a previous run; returns the exit code. */
export async function runDownCommand(_ctx: RunContext): Promise<number> {
  throw new NotImplementedError('down');
}
