/** Service folders named in tovrun.yaml must exist: checked before anything starts (and by the doctor), with file, line and key. */
import { type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { findConfigKey } from './config-line.js';
import { serviceConfigError } from './service-rules.js';
import type { ServiceSpec, Workspace } from './types.js';

/** Why a folder cannot be a service's working folder ("folder /w/api does not exist"), or null when it can. */
export function folderProblem(dir: string): string | null {
  let stat: Stats | undefined;
  try {
    stat = statSync(dir, { throwIfNoEntry: false });
  } catch (error) {
    return `folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  if (!stat) return `folder ${dir} does not exist`;
  return stat.isDirectory() ? null : `${dir} is not a folder`;
}

/**
 * Throws a ConfigError for the first service whose folder tovrun.yaml names and which is missing or not a folder. A folder
 * that comes from the preset (TovPlay's backend/ or frontend/) is not checked here: installing or starting it says what is missing.
 */
export function checkServiceDirs(workspace: Workspace, services: readonly ServiceSpec[] = workspace.services): void {
  for (const service of services) {
    const problem = folderProblem(service.dir);
    if (problem === null || workspace.configFile === null) continue;
    const keyPath = ['services', service.name, 'dir'];
    const key = findConfigKey(workspace.configFile, keyPath);
    if (!key.written) continue;
    const relative = path.relative(workspace.root, service.dir) || '.';
    throw serviceConfigError(
      workspace.configFile,
      keyPath,
      `${problem}.`,
      `Create the folder ${relative}, or set services.${service.name}.dir to the service's folder (relative to ${workspace.root}).`,
      { found: key },
    );
  }
}
