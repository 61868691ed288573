import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFilePath, logsDir, previousLogFilePath } from '../../src/panes/index.js';
import { LogFiles } from '../../src/panes/log-files.js';
import { tempDir } from '../supervisor/support.js';

function stateWithLogs(logs: Record<string, string>): string {
  const stateDir = tempDir('tovrun-state-');
  mkdirSync(logsDir(stateDir), { recursive: true });
  for (const [service, text] of Object.entries(logs)) writeFileSync(logFilePath(stateDir, service), text);
  return stateDir;
}

describe('log files', () => {
  it("starts every known service's log of a run empty, keeping the last run's as the previous log", async () => {
    const stateDir = stateWithLogs({ api: 'api last run\n', web: 'web last run\n' });
    const logs = new LogFiles(stateDir, ['api', 'web']);
    expect(readFileSync(logFilePath(stateDir, 'web'), 'utf8')).toBe('');
    expect(readFileSync(previousLogFilePath(stateDir, 'web'), 'utf8')).toBe('web last run\n');
    logs.append('api', 'one\n');
    logs.append('api', 'two\n');
    logs.flush();
    await logs.close();
    expect(readFileSync(logFilePath(stateDir, 'api'), 'utf8')).toBe('one\ntwo\n');
    expect(readFileSync(previousLogFilePath(stateDir, 'api'), 'utf8')).toBe('api last run\n');
  });

  it('starts a log once per run: on first use, or when opened for a follower; opening again keeps what was written', async () => {
    const stateDir = stateWithLogs({ db: 'last run\n' });
    const logs = new LogFiles(stateDir);
    expect(readFileSync(logFilePath(stateDir, 'db'), 'utf8')).toBe('last run\n');
    logs.open('db');
    expect(readFileSync(logFilePath(stateDir, 'db'), 'utf8')).toBe('');
    logs.append('db', 'ready\n');
    logs.flush();
    logs.open('db');
    logs.append('worker', 'first use\n');
    await logs.close();
    expect(readFileSync(logFilePath(stateDir, 'db'), 'utf8')).toBe('ready\n');
    expect(readFileSync(previousLogFilePath(stateDir, 'db'), 'utf8')).toBe('last run\n');
    expect(readFileSync(logFilePath(stateDir, 'worker'), 'utf8')).toBe('first use\n');
  });

  it('ignores lines and opens after close, so a late line cannot start another run', async () => {
    const stateDir = stateWithLogs({});
    const logs = new LogFiles(stateDir, ['api']);
    logs.append('api', 'during\n');
    await logs.close();
    logs.open('api');
    logs.append('api', 'late\n');
    logs.flush();
    expect(readFileSync(logFilePath(stateDir, 'api'), 'utf8')).toBe('during\n');
    expect(existsSync(previousLogFilePath(stateDir, 'api'))).toBe(false);
  });

  it('names files after the service, made safe', () => {
    expect(logFilePath('/s', 'my service')).toBe(path.join('/s', 'logs', 'my_service.log'));
    expect(previousLogFilePath('/s', 'my service')).toBe(path.join('/s', 'logs', 'my_service.previous.log'));
  });
});
