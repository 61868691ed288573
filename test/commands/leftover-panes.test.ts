// `tovrun up` and `tovrun down` (the built CLI) close the tmux session a dead tovrun recorded in .tovrun/panes.json:
// the commands hand stopLeftovers the panes' closer, since the supervisor itself knows nothing of tmux.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPanesFile, writePanesFile } from '../../src/panes/panes-file.js';
import { tempDir } from '../supervisor/support.js';
import { runCli } from '../support/processes.js';

const tmuxMissing = spawnSync('tmux', ['-V']).status !== 0;
const socketName = `tovrun-t14-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socketName, ...args], { stdio: 'ignore' }).status;

afterEach(() => {
  tmux('kill-server');
});

/** A workspace whose .tovrun/panes.json records a live session on a test tmux server, opened by a tovrun long gone. */
function workspaceWithLeftSession(): { root: string; stateDir: string } {
  const root = tempDir('tovrun-panes-left-');
  writeFileSync(path.join(root, '.env.template'), 'SECRET_KEY=\n');
  writeFileSync(path.join(root, '.env'), 'SECRET_KEY=x\n');
  expect(tmux('new-session', '-d', '-s', 'tovrun-left', 'sleep', '60')).toBe(0);
  const stateDir = path.join(root, '.tovrun');
  writePanesFile(stateDir, { version: 1, ownerPid: 999_999, server: { socketName }, session: 'tovrun-left', panes: ['%0'] });
  return { root, stateDir };
}

describe.skipIf(tmuxMissing)('leftover tmux panes', () => {
  it('tovrun down closes the recorded session and removes panes.json', async () => {
    const { root, stateDir } = workspaceWithLeftSession();
    const result = await runCli(root, ['down']);
    expect(result.code).toBe(0);
    expect(result.output).toContain('closed tmux session tovrun-left');
    expect(tmux('has-session', '-t', '=tovrun-left')).not.toBe(0);
    expect(readPanesFile(stateDir)).toBeNull();
  });

  it('tovrun up closes the recorded session before it starts anything', async () => {
    const { root, stateDir } = workspaceWithLeftSession();
    const result = await runCli(root, ['up', '--no-install']);
    expect(result.output).toContain('closed tmux session tovrun-left');
    expect(tmux('has-session', '-t', '=tovrun-left')).not.toBe(0);
    expect(readPanesFile(stateDir)).toBeNull();
  });
});
