import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { realTmuxRunner, tmuxOrFail } from '../../../src/panes/tmux/tmux-runner.js';
import { fakeHost } from '../../os/fake-host.js';

describe('realTmuxRunner', () => {
  it("runs tmux through the Host's exec, with the server's flags first and the given environment", async () => {
    const seen: [string, string[], NodeJS.ProcessEnv | undefined][] = [];
    const host = fakeHost({
      exec: async (file, args, options) => {
        seen.push([file, args, options?.env]);
        return { code: 1, stdout: '', stderr: "can't find session: x" };
      },
    });
    const run = realTmuxRunner('/opt/tmux', { socketName: 'tovrun-ab' }, { TOVRUN_TMUX_SESSION: 's' }, host);
    expect(await run(['has-session', '-t', '=x'])).toEqual({ code: 1, stdout: '', stderr: "can't find session: x" });
    expect(seen).toEqual([['/opt/tmux', ['-L', 'tovrun-ab', 'has-session', '-t', '=x'], { TOVRUN_TMUX_SESSION: 's' }]]);
    await expect(tmuxOrFail(run, ['has-session'])).rejects.toThrow("tmux has-session failed: can't find session: x.");
  });

  it.skipIf(spawnSync('tmux', ['-V']).status !== 0)('runs the real tmux on a dedicated server', async () => {
    const server = { socketName: `tovrun-runner-${process.pid}` };
    const run = realTmuxRunner('tmux', server);
    try {
      const pane = await tmuxOrFail(run, ['new-session', '-d', '-s', 'runner', '-P', '-F', '#{pane_id}', 'sleep', '30']);
      expect(pane).toMatch(/^%\d+$/);
      expect((await run(['has-session', '-t', '=runner'])).code).toBe(0);
      expect((await run(['has-session', '-t', '=absent'])).stderr).not.toBe('');
    } finally {
      await run(['kill-server']);
    }
  });
});
