import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mcpTools, type ToolDefinition } from '../../src/mcp/tools.js';
import { type ControlServer, startControlServer } from '../../src/supervisor/control/server.js';
import { instanceStateDir } from '../../src/workspace/instance.js';
import { serveControl, serviceStatus, workspace } from '../supervisor/control/running-tovrun.js';

const servers: ControlServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const canary = 'canary-7f3a9c-not-for-agents';

function tools(root: string, env: NodeJS.ProcessEnv = {}): Map<string, ToolDefinition> {
  return new Map(mcpTools({ script: 'unused.js', cwd: root, env }).map((tool) => [tool.name, tool]));
}

async function call(root: string, name: string, args: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): Promise<{ text: string; isError: boolean }> {
  const result = await (tools(root, env).get(name) as ToolDefinition).run(args);
  return { text: result.content[0]?.text ?? '', isError: result.isError === true };
}

describe('MCP tools', () => {
  it('each has a one-line description and a schema', () => {
    for (const tool of tools(workspace()).values()) {
      expect(tool.description).toMatch(/^[A-Z][^\n]{20,200}[.;]$/);
      expect(typeof tool.input).toBe('object');
    }
    expect([...tools(workspace()).keys()]).toEqual(['status', 'logs', 'errors', 'restart', 'stop', 'start', 'check', 'up', 'down']);
  });

  it('say when no tovrun runs and how to start one', async () => {
    const root = workspace();
    for (const name of ['status', 'restart', 'stop', 'start']) {
      const result = await call(root, name, { service: 'api' });
      expect(result.isError).toBe(true);
      expect(JSON.parse(result.text)).toEqual({
        running: false,
        error: `No tovrun is running in ${root}.`,
        fix: 'Start one with the up tool (or `tovrun up --detach` in that folder).',
      });
    }
  });

  it('ask the instance TOVRUN_INSTANCE names (tovrun mcp --instance sets it), with its own control channel', async () => {
    const root = workspace();
    const server = await startControlServer({ root, stateDir: instanceStateDir(path.join(root, '.tovrun'), 1), instance: 1 });
    server.serve({ status: () => [serviceStatus({ port: 5011 })], restart: () => Promise.reject(new Error('unused')) } as never, 'prefix');
    servers.push(server);
    expect((await call(root, 'status')).isError).toBe(true);
    const status = await call(root, 'status', {}, { TOVRUN_INSTANCE: '1' });
    expect(status.isError).toBe(false);
    expect(JSON.parse(status.text).services).toMatchObject([{ name: 'api', port: 5011 }]);
  });

  it("mask the .env's secrets in every result, even in a line the log book kept as it came", async () => {
    const root = workspace();
    writeFileSync(path.join(root, '.env'), `SECRET_KEY=${canary}\n`);
    const server = await serveControl(root, { status: () => [serviceStatus({})], restart: () => Promise.reject(new Error('unused')) } as never);
    servers.push(server);
    server.logBook.add('api', 'stdout', `key is ${canary}`);
    server.logBook.add('api', 'stderr', `Traceback (most recent call last):\n  File "app.py", line 1\nRuntimeError: ${canary}`);
    const logs = await call(root, 'logs', { grep: 'key' });
    expect(JSON.parse(logs.text)).toMatchObject({ source: 'live', matched: 1, lines: [{ text: 'key is ***' }] });
    const errors = await call(root, 'errors');
    expect(errors.text).toContain('RuntimeError: ***');
    for (const result of [logs, errors, await call(root, 'status')]) expect(result.text).not.toContain(canary);
    const bad = await call(root, 'logs', { grep: '(' });
    expect(bad.isError).toBe(true);
    expect(JSON.parse(bad.text).error).toContain('is not a valid regular expression');
  });
});

describe('the up tool', () => {
  it('starts nothing when a tovrun runs already, and says so', async () => {
    const root = workspace();
    const server = await serveControl(root, { status: () => [serviceStatus({})], restart: () => Promise.reject(new Error('unused')) } as never);
    servers.push(server);
    const result = await call(root, 'up');
    expect(result.isError).toBe(false);
    expect(JSON.parse(result.text)).toMatchObject({ pid: process.pid, note: 'tovrun was already running here; nothing was started (down stops it).' });
  });
});
