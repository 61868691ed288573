import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PanesRecord, panesFilePath, writePanesFile } from '../../../src/panes/panes-file.js';
import { closeRecordedPanes } from '../../../src/panes/tmux/close-recorded.js';
import { tempDir } from '../../supervisor/support.js';

function setup(record: Omit<PanesRecord, 'version'>, alive: boolean) {
  const stateDir = tempDir();
  writePanesFile(stateDir, { version: 1, ...record });
  const calls: [string, string[]][] = [];
  const deps = {
    exec: async (file: string, args: string[]) => (calls.push([file, args]), { code: 0, stdout: '', stderr: '' }),
    alive: async () => alive,
    selfPid: 1,
  };
  return { stateDir, calls, deps };
}

describe('closeRecordedPanes', () => {
  it('kills the recorded session on its server and removes the record', async () => {
    const { stateDir, calls, deps } = setup({ ownerPid: 50, server: { socketName: 'tovrun-ab' }, session: 'tovrun-w', panes: ['%0'] }, false);
    expect(await closeRecordedPanes(stateDir, deps, false)).toBe('closed tmux session tovrun-w');
    expect(calls).toEqual([['tmux', ['-L', 'tovrun-ab', 'kill-session', '-t', '=tovrun-w']]]);
    expect(existsSync(panesFilePath(stateDir))).toBe(false);
  });

  it("kills only the recorded panes in the user's own session", async () => {
    const { stateDir, calls, deps } = setup({ ownerPid: 50, server: { socketPath: '/tmp/tmux-1/default' }, session: null, panes: ['%4', '%5'] }, false);
    expect(await closeRecordedPanes(stateDir, deps, false)).toBe('closed 2 tmux panes tovrun had opened');
    expect(calls.map(([, args]) => args)).toEqual([
      ['-S', '/tmp/tmux-1/default', 'kill-pane', '-t', '%4'],
      ['-S', '/tmp/tmux-1/default', 'kill-pane', '-t', '%5'],
    ]);
  });

  it('leaves the panes of a tovrun that still runs, unless forced (down)', async () => {
    const { stateDir, calls, deps } = setup({ ownerPid: 50, server: { socketName: 'x' }, session: 'tovrun-s', panes: [] }, true);
    expect(await closeRecordedPanes(stateDir, deps, false)).toBeNull();
    expect(calls).toEqual([]);
    expect(await closeRecordedPanes(stateDir, deps, true)).toBe('closed tmux session tovrun-s');
  });

  it('never closes a session, pane or target tovrun does not create, whatever panes.json says', async () => {
    const hostile: Record<string, unknown>[] = [
      { ownerPid: 50, server: { socketPath: '/tmp/tmux-1/default' }, session: 'main', panes: [] },
      { ownerPid: 50, server: { socketPath: '/tmp/tmux-1/default' }, session: null, panes: ['main:0', '%1'] },
      { ownerPid: 50, server: { socketPath: '/tmp/tmux-1/default' }, session: '=tovrun-x', panes: [] },
      { ownerPid: 1, server: { socketName: 'x' }, session: 'tovrun-w', panes: [] },
      { ownerPid: 0, server: { socketName: 'x' }, session: 'tovrun-w', panes: [] },
    ];
    for (const record of hostile) {
      const stateDir = tempDir();
      writeFileSync(panesFilePath(stateDir), JSON.stringify({ version: 1, ...record }));
      const calls: string[][] = [];
      const deps = {
        exec: async (_file: string, args: string[]) => (calls.push(args), { code: 0, stdout: '', stderr: '' }),
        alive: async () => false,
        selfPid: 4242,
      };
      expect(await closeRecordedPanes(stateDir, deps, true)).toBeNull();
      expect(calls).toEqual([]);
    }
  });

  it('does nothing without a record', async () => {
    expect(
      await closeRecordedPanes(tempDir(), { exec: async () => ({ code: 0, stdout: '', stderr: '' }), alive: async () => false, selfPid: 1 }, true),
    ).toBeNull();
  });
});
