import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { ControlServer } from '../../src/supervisor/control/server.js';
import { serveControl, serviceStatus, workspace } from '../supervisor/control/running-tovrun.js';
import { memoryContext } from '../support/memory-context.js';

const servers: ControlServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const handler = { status: () => [serviceStatus({})], restart: () => Promise.reject(new Error('unused')) } as never;

describe('tovrun logs --json, --grep, --since, -n and --errors', () => {
  it("searches the running tovrun's kept lines, with their times", async () => {
    const root = workspace();
    const server = await serveControl(root, handler);
    servers.push(server);
    server.logBook.add('api', 'stdout', 'GET /health 200\nGET /api/greeting 200\nPOST /login 401');
    const ctx = memoryContext(root);
    expect(await main(['logs', 'api', '--json', '--grep', 'GET', '--since', '1h', '-n', '1'], ctx)).toBe(0);
    const answer = JSON.parse(ctx.stdout.text());
    expect(answer).toMatchObject({ version: 1, source: 'live', matched: 2, lines: [{ service: 'api', stream: 'stdout', text: 'GET /api/greeting 200' }] });
    expect(Date.parse(answer.lines[0].time)).toBeGreaterThan(Date.now() - 60_000);
    const human = memoryContext(root);
    expect(await main(['logs', '--grep', 'POST'], human)).toBe(0);
    expect(human.stdout.text()).toBe('api | POST /login 401\n');
  });

  it('reads the log files when no tovrun runs, and then refuses --since', async () => {
    const root = workspace();
    mkdirSync(path.join(root, '.tovrun', 'logs'), { recursive: true });
    writeFileSync(
      path.join(root, '.tovrun', 'logs', 'api.log'),
      'GET / 200\nTraceback (most recent call last):\n  File "app.py", line 3\nKeyError: 1\n[tovrun] stopped\n',
    );
    const ctx = memoryContext(root);
    expect(await main(['logs', '--errors'], ctx)).toBe(0);
    expect(ctx.stdout.text()).toBe('── api: last error\nTraceback (most recent call last):\n  File "app.py", line 3\nKeyError: 1\n');
    const json = memoryContext(root);
    expect(await main(['logs', 'api', '--json', '-n', '1'], json)).toBe(0);
    expect(JSON.parse(json.stdout.text())).toEqual({
      version: 1,
      source: 'files',
      matched: 5,
      lines: [{ service: 'api', time: null, stream: 'tovrun', text: 'stopped' }],
    });
    const since = memoryContext(root);
    expect(await main(['logs', '--since', '5m'], since)).toBe(2);
    expect(since.stderr.text()).toContain('--since needs one');
  });

  it('refuses an unknown service, a bad count, and --follow with a search', async () => {
    const root = workspace();
    expect(await main(['logs', 'nope', '--json'], memoryContext(root))).toBe(2);
    expect(await main(['logs', '-n', 'many'], memoryContext(root))).toBe(2);
    const follow = memoryContext(root);
    expect(await main(['logs', '-f', '--grep', 'x'], follow)).toBe(2);
    expect(follow.stderr.text()).toContain('--follow does not go with --json, --grep, --since, -n or --errors.');
  });
});
