/** Lines and errors for `tovrun logs --json/--errors` and `tovrun mcp`: from the running tovrun, or from the log files when none runs. */
import { UsageError } from '../../errors.js';
import { NotRunningError, requestErrors, requestLogs } from './client.js';
import { logFileSource } from './log-file-source.js';
import { type LogAnswer, type LogQuery, lastErrors, queryLines, type ServiceError, unknownService } from './log-query.js';

/** Where the log files are: the services known to the workspace and the log file of each. */
export interface LogFiles {
  services: readonly string[];
  file(service: string): string;
}

async function unlessNotRunning<T>(live: Promise<T>): Promise<T | null> {
  try {
    return await live;
  } catch (error) {
    if (error instanceof NotRunningError) return null;
    throw error;
  }
}

function fileSources(files: LogFiles) {
  return files.services.map((service) => logFileSource(service, files.file(service)));
}

/** The running tovrun's kept lines matching query; without one, the log files' (which keep no times, so --since needs a running tovrun). */
export async function readLogs(stateDir: string, query: LogQuery, files: LogFiles): Promise<LogAnswer> {
  const live = await unlessNotRunning(requestLogs(stateDir, query));
  if (live) return live;
  if (query.since !== null)
    throw new UsageError(
      'no tovrun is running in this workspace, and --since needs one: the log files in .tovrun/logs/ keep no times.',
      'Drop --since to search the log files of the last run, or start tovrun (`tovrun up --detach`) and ask again.',
    );
  if (query.service !== null && !files.services.includes(query.service)) throw unknownService(query.service, files.services);
  return queryLines(fileSources(files), query, 'files');
}

/** Each service's last error block: the running tovrun's, or the log files' when none runs. */
export async function readErrors(stateDir: string, files: LogFiles): Promise<{ source: LogAnswer['source']; errors: ServiceError[] }> {
  const live = await unlessNotRunning(requestErrors(stateDir));
  return live ? { source: 'live', errors: live } : { source: 'files', errors: lastErrors(fileSources(files)) };
}
