/** The database check: connect to DATABASE_URL's PostgreSQL with timeouts and report usage, idle sessions and failures. */

import { finding } from '../../report/findings.js';
import { type CheckInput, type CheckResult, findingsOnly } from '../input.js';
import { connectionFailure } from './failure.js';
import type { DatabaseSession } from './session.js';
import { readConnectionStats } from './stats.js';
import { findDatabaseUrl, parseDatabaseUrl } from './target.js';
import { type DatabaseWhere, usageFindings } from './usage.js';

/** How long connecting, and then each query, may take. */
export const databaseTimeoutsMs = { connect: 3_000, query: 3_000 };

/** Connects, reads the statistics and closes; a finding for whatever failed. */
export async function checkDatabase(input: CheckInput): Promise<CheckResult> {
  const target = findDatabaseUrl(input);
  if (!target) return findingsOnly([finding('database/skipped', 'ok', 'no DATABASE_URL is set; the database was not checked.')]);
  const where: DatabaseWhere = target.where ?? {};
  const url = parseDatabaseUrl(target.url);
  if (url.kind === 'other')
    return findingsOnly([finding('database/skipped', 'ok', `DATABASE_URL is a ${url.scheme} URL, not PostgreSQL; the database was not checked.`, where)]);
  if (url.kind === 'invalid') {
    return findingsOnly([
      finding('database/invalid-url', 'warn', 'DATABASE_URL is not a URL tovrun can read; the database was not checked.', {
        ...where,
        hint: 'Write it as postgresql://user:password@host:5432/database.',
      }),
    ]);
  }
  const secrets = url.password === null ? [] : [url.password];
  let session: DatabaseSession;
  try {
    session = await input.effects.connectDatabase({
      connectionString: url.connectionString,
      connectTimeoutMs: databaseTimeoutsMs.connect,
      queryTimeoutMs: databaseTimeoutsMs.query,
      applicationName: 'tovrun check',
    });
  } catch (error) {
    return { findings: [connectionFailure(error, url.display, input.requireDb, where)], secrets };
  }
  try {
    const { stats, idle } = await readConnectionStats(session, input.effects.idleThresholdMs);
    return { findings: usageFindings(url.display, stats, idle, input.effects.idleThresholdMs, where), secrets };
  } catch (error) {
    return { findings: [connectionFailure(error, url.display, input.requireDb, where)], secrets };
  } finally {
    await session.end().catch(() => undefined);
  }
}
