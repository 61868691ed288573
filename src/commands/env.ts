/** `tovrun env`: prints the backend venv's activation for the user's shell. */
import type { RunContext } from '../context.js';
import { NotImplementedError } from '../errors.js';

/** Shells tovrun can print an activation for. */
export type ShellName = 'bash' | 'zsh' | 'fish' | 'powershell' | 'cmd';

/** Options of the env command; shell undefined means guess from the environment. */
export interface EnvCommandOptions {
  shell: ShellName | undefined;
}

/** Prints the activation; returns the exit code. */
export async function runEnvCommand(_ctx: RunContext, _options: EnvCommandOptions): Promise<number> {
  throw new NotImplementedError('env');
}
