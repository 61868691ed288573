import { describe, expect, it } from 'vitest';
import { agentArgv, agentExitLine } from '../../../src/panes/agent/agent-command.js';
import { definedEnv, parseAgentHello, parseAgentOrder, parseAgentReport } from '../../../src/panes/agent/messages.js';

describe('agent messages', () => {
  it('tells agent hellos from control requests', () => {
    expect(parseAgentHello('{"type":"agent-hello","ticket":"ab","role":"pipe"}')).toEqual({ type: 'agent-hello', ticket: 'ab', role: 'pipe' });
    expect(parseAgentHello('{"id":1,"type":"status"}')).toBeNull();
    expect(parseAgentHello('{"type":"agent-hello","ticket":"ab","role":"boss"}')).toBeNull();
  });

  it('parses orders, rejecting a spawn without a complete description', () => {
    const spawn = { type: 'spawn', service: 'api', file: '/bin/node', args: ['a b'], cwd: '/w', env: { A: '1' }, output: 'inherit' };
    expect(parseAgentOrder(JSON.stringify(spawn))).toEqual(spawn);
    expect(parseAgentOrder('{"type":"close"}')).toEqual({ type: 'close' });
    expect(parseAgentOrder(JSON.stringify({ ...spawn, env: { A: 1 } }))).toBeNull();
    expect(parseAgentOrder(JSON.stringify({ ...spawn, output: 'tee' }))).toBeNull();
  });

  it('parses reports', () => {
    expect(parseAgentReport('{"type":"started","pid":42}')).toEqual({ type: 'started', pid: 42 });
    expect(parseAgentReport('{"type":"exited","code":null,"signal":"SIGTERM"}')).toEqual({ type: 'exited', code: null, signal: 'SIGTERM' });
    expect(parseAgentReport('{"type":"output","stream":"stderr","lines":["a","b"]}')).toEqual({ type: 'output', stream: 'stderr', lines: ['a', 'b'] });
    expect(parseAgentReport('{"type":"spawn-failed","message":"ENOENT"}')).toEqual({ type: 'spawn-failed', message: 'ENOENT' });
    expect(parseAgentReport('{"type":"started","pid":"42"}')).toBeNull();
    expect(parseAgentReport('not json')).toBeNull();
  });

  it('builds the agent command line and its exit line', () => {
    expect(agentArgv({ nodePath: '/n', cliPath: '/c.js' }, '/s.sock', 't1', true)).toEqual([
      '/n',
      '/c.js',
      '__pane-agent',
      '--socket',
      '/s.sock',
      '--ticket',
      't1',
      '--pipe',
    ]);
    expect(agentExitLine('api', { code: 3, signal: null })).toBe('[tovrun] api exited with code 3; this pane stays open until tovrun stops.');
    expect(definedEnv({ A: '1', B: undefined })).toEqual({ A: '1' });
  });
});
