/** A PostgreSQL session as the database check uses it, and the real one over `pg` (loaded only when a database is checked). */

/** How to reach the server, with the timeouts that keep the check from hanging. */
export interface DatabaseConnectOptions {
  connectionString: string;
  connectTimeoutMs: number;
  queryTimeoutMs: number;
  applicationName: string;
}

/** An open session: queries returning rows, and closing. */
export interface DatabaseSession {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  end(): Promise<void>;
}

/** Opens a session; rejects with the driver's error (code such as 53300, ECONNREFUSED) when it cannot. */
export type ConnectDatabase = (options: DatabaseConnectOptions) => Promise<DatabaseSession>;

/** The real connection, through node-postgres with connect, query and statement timeouts. */
export const connectWithPg: ConnectDatabase = async (options) => {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: options.connectionString,
    connectionTimeoutMillis: options.connectTimeoutMs,
    query_timeout: options.queryTimeoutMs,
    statement_timeout: options.queryTimeoutMs,
    application_name: options.applicationName,
  });
  // A server that goes away mid-check must not crash tovrun with an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    query: async <Row extends object>(sql: string, params: readonly unknown[] = []) =>
      (await client.query<Row & Record<string, unknown>>(sql, [...params])).rows,
    end: () => client.end(),
  };
};
