/** Reads the workspace's compose file into a ComposeModel, or says clearly that profiles need one. */
import { displayName } from '../env/files.js';
import { ConfigError } from '../errors.js';
import { mebibyte, readText } from '../files/read-text.js';
import type { ComposeModel } from '../workspace/compose-file.js';
import type { Workspace } from '../workspace/types.js';
import { readComposeModel } from './compose-model.js';

/** The most tovrun reads of a compose file (8 MiB: real ones are a few KiB). */
export const composeFileMaxBytes = 8 * mebibyte;

/** The workspace's compose file read with values (for `${}`); a ConfigError when it is missing, not a readable file, or broken. */
export function loadComposeModel(workspace: Workspace, values: Readonly<Record<string, string | undefined>>, profiles: readonly string[]): ComposeModel {
  const name = displayName(workspace, workspace.composeFile);
  const text = readText(workspace.composeFile, { label: name, maxBytes: composeFileMaxBytes });
  if (text === undefined) {
    throw new ConfigError(`the compose profiles ${profiles.join(', ')} need ${name}, which does not exist.`, {
      file: workspace.composeFile,
      hint: 'Add the compose file, point compose.file in tovrun.yaml at yours, or run without -p / TOVRUN_PROFILES.',
    });
  }
  return readComposeModel(text, workspace.composeFile, (variable) => values[variable]);
}
