/** What compose makes of the workspace's .env: the variables it interpolates the compose file with. */
import { readEnvText } from '../env/files.js';
import { readAsCompose } from '../env/readers/compose.js';
import type { Workspace } from '../workspace/types.js';

/** The .env values as compose reads them, and all variables compose sees (the environment over the file). */
export interface ComposeVariables {
  /** The file's values (compose's reading), for providers that cannot take --env-file. */
  dotEnv: Record<string, string>;
  /** dotEnv with tovrun's environment over it: what `${VAR}` in the compose file resolves to. */
  values: Record<string, string | undefined>;
}

/** Reads the workspace's .env the way compose does; empty when there is no .env. */
export function composeVariables(workspace: Workspace, processEnv: NodeJS.ProcessEnv): ComposeVariables {
  const text = readEnvText(workspace);
  const dotEnv = text === undefined ? {} : Object.fromEntries(readAsCompose(text, processEnv).values);
  return { dotEnv, values: { ...dotEnv, ...processEnv } };
}
