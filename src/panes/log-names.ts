/** Which services have log files in .tovrun/logs/, and those files as `tovrun logs --json`, `--errors` and `tovrun mcp` read them. */
import { readdirSync } from 'node:fs';
import type { LogFiles } from '../supervisor/control/log-reader.js';
import { logFilePath, logsDir } from './log-files.js';

const previousSuffix = '.previous.log';

/** Services with a log: the workspace's, in its order, then any other log file found. */
export function knownServices(stateDir: string, configured: readonly string[]): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(logsDir(stateDir));
  } catch {
    files = [];
  }
  const names = files.map((file) =>
    file.endsWith(previousSuffix) ? file.slice(0, -previousSuffix.length) : file.endsWith('.log') ? file.slice(0, -'.log'.length) : null,
  );
  return [...new Set([...configured, ...names.filter((name): name is string => name !== null)])];
}

/** The workspace's log files (configured services and any other log found), for when no tovrun runs. */
export function workspaceLogFiles(stateDir: string, configured: readonly string[]): LogFiles {
  return { services: knownServices(stateDir, configured), file: (service) => logFilePath(stateDir, service) };
}
