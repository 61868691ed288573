/** Reading a workspace's .env and .env.template: the only file access of the env check. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { mebibyte, readTextFile } from '../files/read-text.js';
import type { Workspace } from '../workspace/types.js';

/** File access the env modules need; defaults to the real file system. */
export interface EnvFileSource {
  exists(file: string): boolean;
  readText(file: string): string;
}

/** The most tovrun reads of .env or .env.template (1 MiB). */
export const envFileMaxBytes = mebibyte;

/** The real file system: a folder, FIFO or device, an unreadable file or one over 1 MiB is a ConfigError naming it. */
export const realEnvFiles: EnvFileSource = {
  exists: existsSync,
  readText: (file) => readTextFile(file, { label: path.basename(file), maxBytes: envFileMaxBytes }),
};

/** A workspace file's name as shown to users: relative to the root, with forward slashes. */
export function displayName(workspace: Workspace, file: string): string {
  return path.relative(workspace.root, file).split(path.sep).join('/');
}

/** The template's text; a ConfigError when the workspace has none. */
export function readTemplateText(workspace: Workspace, files: EnvFileSource = realEnvFiles): string {
  if (!files.exists(workspace.envTemplateFile)) {
    throw new ConfigError(`no .env.template in ${workspace.root}.`, {
      file: workspace.envTemplateFile,
      hint: '.env.template documents every key .env may set; tovrun checks .env against it. Add one (see tovrun\'s own .env.template).',
    });
  }
  return files.readText(workspace.envTemplateFile);
}

/** The .env text, or null when there is no .env. */
export function readEnvText(workspace: Workspace, files: EnvFileSource = realEnvFiles): string | null {
  return files.exists(workspace.envFile) ? files.readText(workspace.envFile) : null;
}
