/** `tovrun down` (and the start of a run) closing the tmux session or panes a previous tovrun recorded and could not close. */
import type { ExecResult, Host } from '../../os/host.js';
import { isProcessAlive } from '../../os/process-table.js';
import { readPanesFile, removePanesFile } from '../panes-file.js';
import { killPaneArgs, killSessionArgs, serverArgs } from './tmux-command.js';

/** What closing needs: running tmux, and whether the recording tovrun still runs. */
export interface CloseRecordedDeps {
  exec(file: string, args: string[]): Promise<ExecResult>;
  /** Whether a pid is a live process. */
  alive(pid: number): Promise<boolean>;
  /** tovrun's own pid (its own record is never left alone). */
  selfPid: number;
}

/** Closes the recorded session (or panes) and removes panes.json; leaves them when their tovrun still runs, unless force. Returns a line saying what it closed, or null. */
export async function closeRecordedPanes(stateDir: string, deps: CloseRecordedDeps, force: boolean): Promise<string | null> {
  const record = readPanesFile(stateDir);
  if (!record) return null;
  if (!force && record.ownerPid !== deps.selfPid && (await deps.alive(record.ownerPid))) return null;
  const server = serverArgs(record.server);
  let closed: string | null = null;
  if (record.session !== null) {
    if ((await deps.exec('tmux', [...server, ...killSessionArgs(record.session)])).code === 0) closed = `closed tmux session ${record.session}`;
  } else {
    let count = 0;
    for (const pane of record.panes) if ((await deps.exec('tmux', [...server, ...killPaneArgs(pane)])).code === 0) count++;
    if (count > 0) closed = `closed ${count} tmux pane${count === 1 ? '' : 's'} tovrun had opened`;
  }
  removePanesFile(stateDir);
  return closed;
}

/** closeRecordedPanes with host's effects (its tmux, its process table, its pid): the ClosePanes that up and down give stopLeftovers. */
export function closeLeftoverPanes(stateDir: string, host: Host, force: boolean): Promise<string | null> {
  const deps = { exec: (file: string, args: string[]) => host.exec(file, args), alive: (pid: number) => isProcessAlive(host, pid), selfPid: host.pid };
  return closeRecordedPanes(stateDir, deps, force);
}
