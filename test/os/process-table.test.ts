import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { realHost } from '../../src/os/host.js';
import { parseProcStat, parsePsLine, processIdentity, sameProcess } from '../../src/os/process-table.js';
import { fakeHost } from './fake-host.js';

describe('process identity', () => {
  it('parses /proc/<pid>/stat even when the command name holds spaces and parentheses', () => {
    const rest = Array.from({ length: 50 }, (_, i) => String(i + 3));
    rest[0] = 'S';
    rest[2] = '777';
    rest[19] = '123456';
    expect(parseProcStat(`4242 (my (odd) name) ${rest.join(' ')}`)).toEqual({ state: 'S', pgrp: 777, startTicks: 123456 });
  });

  it('reads its own start time and command line on Linux', async () => {
    const identity = await processIdentity(realHost(), process.pid);
    expect(identity?.commandLine).toContain('node');
    expect(Math.abs((identity?.startTime ?? 0) - (Date.now() - process.uptime() * 1000))).toBeLessThan(2_000);
  });

  it('says null for a pid that no longer runs', async () => {
    const finished = spawnSync(process.execPath, ['-e', '0']);
    expect(await processIdentity(realHost(), finished.pid)).toBeNull();
  });

  it('uses ps where there is no /proc, and PowerShell on Windows', async () => {
    expect(parsePsLine('Ss   Mon Jan  1 10:00:00 2024     /usr/bin/python3 -m flask run')).toEqual({
      state: 'Ss',
      identity: { startTime: Date.parse('Mon Jan 1 10:00:00 2024'), commandLine: '/usr/bin/python3 -m flask run' },
    });
    const mac = fakeHost({ platform: 'darwin', exec: async () => ({ code: 0, stdout: 'S    Mon Jan  1 10:00:00 2024     node server.js\n', stderr: '' }) });
    expect(await processIdentity(mac, 55)).toEqual({ startTime: Date.parse('Mon Jan 1 10:00:00 2024'), commandLine: 'node server.js' });
    const windows = fakeHost({
      platform: 'win32',
      exec: async () => ({ code: 0, stdout: '2024-05-01T10:00:00.0000000Z\r\n"C:\\node.exe" server.js\r\n', stderr: '' }),
    });
    expect(await processIdentity(windows, 55)).toEqual({ startTime: Date.parse('2024-05-01T10:00:00Z'), commandLine: '"C:\\node.exe" server.js' });
  });

  it('matches by start time when both are known, else by command line, and never when neither is', () => {
    const recorded = { startTime: 1_000_000, commandLine: 'python -m flask run' };
    expect(sameProcess(recorded, { startTime: 1_000_400, commandLine: 'python app.py' })).toBe(true);
    expect(sameProcess(recorded, { startTime: 1_060_000, commandLine: 'python -m flask run' })).toBe(false);
    expect(sameProcess({ ...recorded, startTime: null }, { startTime: 5, commandLine: 'python -m flask run' })).toBe(true);
    expect(sameProcess({ startTime: null, commandLine: null }, { startTime: 5, commandLine: 'x' })).toBe(false);
  });
});
