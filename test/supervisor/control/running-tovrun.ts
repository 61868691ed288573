// A running "tovrun" for command tests: a real control server in this process, answering from a fake handler.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ControlHandler, type ControlServer, startControlServer } from '../../../src/supervisor/control/server.js';
import type { ServiceStatus } from '../../../src/supervisor/service-status.js';
import { tempDir } from '../support.js';

/** A workspace folder (a .env.template marks it). */
export function workspace(): string {
  const root = tempDir('tovrun-cmd-');
  writeFileSync(path.join(root, '.env.template'), 'SECRET_KEY=\n');
  return root;
}

/** A service as status reports it. */
export function serviceStatus(overrides: Partial<ServiceStatus>): ServiceStatus {
  return {
    name: 'api',
    kind: 'native',
    state: 'running',
    pid: 100,
    port: 5001,
    url: 'http://localhost:5001/',
    uptimeMs: 3_000,
    restarts: 0,
    ready: true,
    readyMs: 400,
    lastExit: null,
    ...overrides,
  };
}

/** Starts a control server for root serving handler; the caller closes it. */
export async function serveControl(root: string, handler: ControlHandler): Promise<ControlServer> {
  const server = await startControlServer({ root, stateDir: path.join(root, '.tovrun') });
  server.serve(handler, 'prefix');
  return server;
}
