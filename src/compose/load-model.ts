/** Reads the workspace's compose file into a ComposeModel, or says clearly that profiles need one. */
import { existsSync, readFileSync } from 'node:fs';
import { displayName } from '../env/files.js';
import { ConfigError } from '../errors.js';
import type { Workspace } from '../workspace/types.js';
import { readComposeModel, type ComposeModel } from './compose-model.js';

/** The workspace's compose file read with values (for `${}`); a ConfigError when it is missing or broken. */
export function loadComposeModel(workspace: Workspace, values: Readonly<Record<string, string | undefined>>, profiles: readonly string[]): ComposeModel {
  if (!existsSync(workspace.composeFile)) {
    throw new ConfigError(`the compose profiles ${profiles.join(', ')} need ${displayName(workspace, workspace.composeFile)}, which does not exist.`, {
      file: workspace.composeFile,
      hint: 'Add the compose file, point compose.file in tovrun.yaml at yours, or run without -p / TOVRUN_PROFILES.',
    });
  }
  return readComposeModel(readFileSync(workspace.composeFile, 'utf8'), workspace.composeFile, (name) => values[name]);
}
