/** A failed connection as a finding: "too many clients" (53300), a refused login, a missing database, or unreachable. */
import type { CheckStatus, Finding } from '../../report/findings.js';
import { finding } from '../../report/findings.js';
import type { DatabaseWhere } from './usage.js';

const tooManyClientsHint = [
  'Every connection slot not reserved for superusers is taken (max_connections minus superuser_reserved_connections).',
  'As a superuser in psql, `SELECT application_name, state, count(*) FROM pg_stat_activity GROUP BY 1, 2 ORDER BY 3 DESC;` shows who holds them;',
  "`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle' AND state_change < now() - interval '5 minutes';` frees idle ones.",
  'Run `tovrun down` to stop leftovers of earlier runs, and start the pgbouncer profile (`tovrun -p pgbouncer`) with DATABASE_URL pointing at PgBouncer so app connections share a few server ones.',
].join('\n');

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The server's words: "FATAL: sorry, too many clients already" (severity first when the driver has it). */
function reasonOf(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] || 'no reason given';
  const severity = (error as { severity?: unknown } | null)?.severity;
  return typeof severity === 'string' && !message.startsWith(severity) ? `${severity}: ${message}` : message;
}

/** The finding for a connection (or query) that failed; status follows --require-db where the server may just be absent. */
export function connectionFailure(error: unknown, server: string, requireDb: boolean, where: DatabaseWhere): Finding {
  const code = codeOf(error);
  const reason = reasonOf(error);
  const absentStatus: CheckStatus = requireDb ? 'error' : 'warn';
  if (code === '53300') {
    return finding(
      'database/too-many-clients',
      absentStatus,
      `PostgreSQL ${server} refused the connection: ${reason} (SQLSTATE 53300) — it has no connection slot left for this role.`,
      { ...where, hint: tooManyClientsHint },
    );
  }
  if (code === '28P01' || code === '28000') {
    return finding('database/login-failed', 'error', `PostgreSQL ${server} refused the login in DATABASE_URL — ${reason} (SQLSTATE ${code}).`, {
      ...where,
      hint: 'Put the user and password of a role that exists on this server into DATABASE_URL in .env (for the local-db profile: POSTGRES_USER and POSTGRES_PASSWORD).',
    });
  }
  if (code === '3D000') {
    return finding('database/no-database', 'error', `PostgreSQL ${server} — ${reason} (SQLSTATE 3D000).`, {
      ...where,
      hint: 'Create the database (`createdb` with the same host, port and user), or fix the name at the end of DATABASE_URL.',
    });
  }
  const detail = code && !reason.includes(code) ? `${reason} (${code})` : reason;
  const unreachable = requireDb ? '' : ' (a warning: --require-db makes it an error)';
  return finding('database/unreachable', absentStatus, `PostgreSQL ${server} is not reachable: ${detail}${unreachable}.`, {
    ...where,
    hint:
      `Start the database — \`tovrun -p local-db\` starts the local one — or point DATABASE_URL ` +
      `(${'file' in where ? `${where.file}:${where.line}` : 'set in the environment'}) at a running server.`,
  });
}
