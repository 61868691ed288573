/** Reading a workspace's .env and .env.template: the only file access of the env check. */
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { mebibyte, readText } from '../files/read-text.js';
import type { Workspace } from '../workspace/types.js';

/** The most tovrun reads of .env or .env.template (1 MiB). */
export const envFileMaxBytes = mebibyte;

/** A workspace file's name as shown to users: relative to the root, with forward slashes. */
export function displayName(workspace: Workspace, file: string): string {
  return path.relative(workspace.root, file).split(path.sep).join('/');
}

/** .env or .env.template's text, undefined when it is missing; a folder, FIFO or device, an unreadable file or one over 1 MiB is a ConfigError naming it. */
function readEnvFile(file: string): string | undefined {
  return readText(file, { label: path.basename(file), maxBytes: envFileMaxBytes });
}

/** The template's text, or undefined when the workspace has none. */
export function readTemplateTextIfPresent(workspace: Workspace): string | undefined {
  return readEnvFile(workspace.envTemplateFile);
}

/** The template's text; a ConfigError when the workspace has none. */
export function readTemplateText(workspace: Workspace): string {
  const text = readTemplateTextIfPresent(workspace);
  if (text === undefined) {
    throw new ConfigError(`no .env.template in ${workspace.root}.`, {
      file: workspace.envTemplateFile,
      hint: ".env.template documents every key .env may set; tovrun checks .env against it. Add one (see tovrun's own .env.template).",
    });
  }
  return text;
}

/** The .env text, or undefined when there is no .env. */
export function readEnvText(workspace: Workspace): string | undefined {
  return readEnvFile(workspace.envFile);
}
