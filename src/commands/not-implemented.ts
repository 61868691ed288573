/** The handler of commands whose issue has not landed: says so and exits 2, never pretends to work. */
import { NotImplementedError } from '../errors.js';

/** Throws NotImplementedError for the named command. */
export async function runNotImplemented(command: string): Promise<number> {
  throw new NotImplementedError(command);
}
