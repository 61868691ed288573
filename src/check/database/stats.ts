/** What the database check reads from pg_stat_activity: connections in use against the usable ones, and old idle sessions. */
import type { DatabaseSession } from './session.js';

/** The server's connection limits and how many client connections (besides tovrun's own) are open. */
export interface ConnectionStats {
  maxConnections: number;
  superuserReserved: number;
  /** reserved_connections (PostgreSQL 16+), 0 before. */
  reserved: number;
  inUse: number;
  /** Sessions of other roles whose state this role may not see (no pg_read_all_stats). */
  hidden: number;
}

/** Sessions idle (or idle in a transaction) longer than the threshold, by application_name. */
export interface IdleGroup {
  application: string;
  state: 'idle' | 'idle in transaction';
  sessions: number;
  longestSeconds: number;
}

// Without pg_read_all_stats, another role's session shows only pid, datid and user: a hidden row with a database is a client.
const statsSql = `
SELECT current_setting('max_connections')::int AS max_connections,
       current_setting('superuser_reserved_connections')::int AS superuser_reserved,
       coalesce(current_setting('reserved_connections', true), '0')::int AS reserved,
       count(*) FILTER (WHERE pid <> pg_backend_pid())::int AS in_use,
       count(*) FILTER (WHERE pid <> pg_backend_pid() AND backend_type IS NULL)::int AS hidden
FROM pg_stat_activity
WHERE backend_type = 'client backend' OR (backend_type IS NULL AND datid IS NOT NULL)`;

const idleSql = `
SELECT coalesce(nullif(application_name, ''), '(no application_name)') AS application,
       CASE WHEN state = 'idle' THEN 'idle' ELSE 'idle in transaction' END AS state,
       count(*)::int AS sessions,
       extract(epoch FROM max(now() - state_change))::float8 AS longest_seconds
FROM pg_stat_activity
WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
  AND state IN ('idle', 'idle in transaction', 'idle in transaction (aborted)')
  AND state_change <= now() - make_interval(secs => $1)
GROUP BY 1, 2
ORDER BY 2, 3 DESC, 1`;

interface StatsRow {
  max_connections: number;
  superuser_reserved: number;
  reserved: number;
  in_use: number;
  hidden: number;
}

interface IdleRow {
  application: string;
  state: IdleGroup['state'];
  sessions: number;
  longest_seconds: number;
}

/** Reads the limits, the connections in use and the idle groups (two queries on one session). */
export async function readConnectionStats(session: DatabaseSession, idleThresholdMs: number): Promise<{ stats: ConnectionStats; idle: IdleGroup[] }> {
  const [row] = await session.query<StatsRow>(statsSql);
  const idleRows = await session.query<IdleRow>(idleSql, [idleThresholdMs / 1000]);
  if (!row) throw new Error('pg_stat_activity returned no row');
  return {
    stats: { maxConnections: row.max_connections, superuserReserved: row.superuser_reserved, reserved: row.reserved, inUse: row.in_use, hidden: row.hidden },
    idle: idleRows.map((idle) => ({ application: idle.application, state: idle.state, sessions: idle.sessions, longestSeconds: idle.longest_seconds })),
  };
}
