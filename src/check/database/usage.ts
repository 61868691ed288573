/** Turns connection statistics into findings: usage against the usable connections (PgBouncer past 80 %), old idle sessions. */
import { type Finding, finding } from '../../report/findings.js';
import type { ConnectionStats, IdleGroup } from './stats.js';

/** At or above this share of the usable connections, the pgbouncer profile is suggested. */
export const highUsageRatio = 0.8;

/** Where findings point (the DATABASE_URL line of .env), if anywhere. */
export type DatabaseWhere = { file: string; line: number } | Record<string, never>;

/** "45 s", "0.2 s", "12 min". */
export function formatAge(seconds: number): string {
  if (seconds >= 120) return `${Math.round(seconds / 60)} min`;
  return seconds >= 10 ? `${Math.round(seconds)} s` : `${Number(seconds.toFixed(1))} s`;
}

function groupList(groups: readonly IdleGroup[]): string {
  return groups.map((group) => `${group.application} (${group.sessions}, longest ${formatAge(group.longestSeconds)})`).join(', ');
}

const total = (groups: readonly IdleGroup[]) => groups.reduce((sum, group) => sum + group.sessions, 0);
const sessionsWord = (count: number) => `${count} session${count === 1 ? '' : 's'}`;

function usageFinding(server: string, stats: ConnectionStats, idle: readonly IdleGroup[], thresholdSeconds: number, where: DatabaseWhere): Finding {
  const reserved = stats.superuserReserved + stats.reserved;
  const usable = Math.max(stats.maxConnections - reserved, 1);
  const percent = Math.round((stats.inUse / usable) * 100);
  const hidden = stats.hidden > 0 ? `; the state of ${sessionsWord(stats.hidden)} of other roles is hidden from this one` : '';
  const figures = `${stats.inUse} of ${usable} usable connections in use (${percent} %; max_connections ${stats.maxConnections}, ${reserved} reserved for superusers)${hidden}`;
  if (stats.inUse / usable < highUsageRatio) return finding('database/connections', 'ok', `PostgreSQL ${server}: ${figures}.`, where);
  const idleNote = idle.length > 0 ? ` Of them, ${sessionsWord(total(idle))} idled ${formatAge(thresholdSeconds)} or more: ${groupList(idle)}.` : '';
  return finding('database/connections-high', 'warn', `PostgreSQL ${server}: ${figures} — new connections will soon fail with "too many clients".${idleNote}`, {
    ...where,
    hint:
      'Put PgBouncer in front: start the pgbouncer profile (`tovrun -p pgbouncer`) and point DATABASE_URL at it, so many app connections ' +
      'share a few server ones. Run `tovrun down` to stop leftovers from earlier runs.',
  });
}

/** The usage finding, plus one finding per kind of old idle session (idle in transaction warns: it holds locks). */
export function usageFindings(server: string, stats: ConnectionStats, idle: readonly IdleGroup[], idleThresholdMs: number, where: DatabaseWhere): Finding[] {
  const thresholdSeconds = idleThresholdMs / 1000;
  const inTransaction = idle.filter((group) => group.state === 'idle in transaction');
  const idleOnly = idle.filter((group) => group.state === 'idle');
  const findings = [usageFinding(server, stats, idle, thresholdSeconds, where)];
  if (inTransaction.length > 0) {
    findings.push(
      finding(
        'database/idle-in-transaction',
        'warn',
        `${sessionsWord(total(inTransaction))} idle in transaction for ${formatAge(thresholdSeconds)} or more, by application: ${groupList(inTransaction)} — each holds its locks and a connection.`,
        {
          ...where,
          hint:
            "Commit or roll back in that application's code (a missing commit after a query). In psql, `SELECT pid, application_name, " +
            "query FROM pg_stat_activity WHERE state LIKE 'idle in transaction%';` shows them and `SELECT pg_terminate_backend(<pid>);` ends one.",
        },
      ),
    );
  }
  if (idleOnly.length > 0) {
    findings.push(
      finding(
        'database/idle-sessions',
        'ok',
        `${sessionsWord(total(idleOnly))} idle for ${formatAge(thresholdSeconds)} or more, by application: ${groupList(idleOnly)}.`,
        where,
      ),
    );
  }
  return findings;
}
