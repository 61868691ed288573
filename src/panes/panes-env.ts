/** TOVRUN_PANES: the panes mode from the environment, between the --panes flag and tovrun.yaml's panes. */
import { UsageError } from '../errors.js';
import type { PanesMode } from '../workspace/types.js';

/** Every panes mode, as --panes, TOVRUN_PANES and tovrun.yaml's panes accept them. */
export const panesModes: readonly PanesMode[] = ['auto', 'prefix', 'tmux', 'windows', 'tui'];

/** The mode TOVRUN_PANES asks for (undefined when unset or empty); a UsageError for a value that is no mode. */
export function panesFromEnv(env: NodeJS.ProcessEnv): PanesMode | undefined {
  const value = (env.TOVRUN_PANES ?? '').trim();
  if (value === '') return undefined;
  if ((panesModes as readonly string[]).includes(value)) return value as PanesMode;
  throw new UsageError(`TOVRUN_PANES=${value} is not a panes mode.`, `Set it to one of ${panesModes.join(', ')}, or unset it.`);
}
