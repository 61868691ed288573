/** `tovrun status` and `tovrun restart` in words: a table of services, and one line about a restart. */
import { formatSeconds } from '../text/seconds.js';
import type { RestartReport, RunStatus, ServiceStatus } from './service-status.js';

/** A duration as "42 s", "5 min 03 s" or "2 h 05 min". */
export function formatUptime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} min ${pad(total % 60)} s`;
  return `${Math.floor(total / 3600)} h ${pad(Math.floor((total % 3600) / 60))} min`;
}

function row(service: ServiceStatus): string[] {
  return [
    service.name,
    service.state,
    service.ready ? 'yes' : 'no',
    service.pid === null ? '-' : String(service.pid),
    service.port === null ? '-' : String(service.port),
    service.uptimeMs === null ? '-' : formatUptime(service.uptimeMs),
    String(service.restarts),
    service.url ?? '-',
  ];
}

/** A heading line about the tovrun, then one aligned row per service. */
export function formatStatus(status: RunStatus): string {
  const rows = [['SERVICE', 'STATE', 'READY', 'PID', 'PORT', 'UPTIME', 'RESTARTS', 'URL'], ...status.services.map(row)];
  const widths = rows[0]?.map((_cell, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length))) ?? [];
  const lines = rows.map((cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  return `tovrun pid ${status.pid} (panes: ${status.panes}) running for ${formatUptime(status.uptimeMs)} in ${status.root}\n${lines.join('\n')}\n`;
}

/** One line: which pid replaced which, and how fast the new one was ready (null when it is not ready). */
export function formatRestart(report: RestartReport): string | null {
  if (report.readyMs === null) return null;
  const { name, pid } = report.service;
  const replaced = report.previousPid === null ? `started ${name} again (pid ${pid ?? '-'})` : `restarted ${name}: pid ${report.previousPid} → ${pid ?? '-'}`;
  return `${replaced}, ready in ${formatSeconds(report.readyMs)}\n`;
}
