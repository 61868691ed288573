import { describe, expect, it } from 'vitest';
import { rootHash } from '../../../src/control/socket-path.js';
import { dedicatedServer, runInNewTmuxSession, sessionCommand } from '../../../src/panes/tmux/tmux-session.js';
import { memoryOutput } from '../../support/memory-context.js';
import { fakeTmux } from './support.js';

const argv = ['/usr/bin/node', '/opt/tovrun/bin/tovrun.js', 'up', '--panes', 'tmux'];

describe('runInNewTmuxSession', () => {
  it('starts tovrun again in a new session on the dedicated server, attaches, and says how to return after a detach', async () => {
    let sessionExists = false;
    const tmux = fakeTmux((args) => {
      if (args[0] === 'new-session') sessionExists = true;
      return args[0] === 'has-session' ? { code: sessionExists ? 0 : 1 } : {};
    });
    const attached: string[][] = [];
    const stdout = memoryOutput(true);
    const code = await runInNewTmuxSession({
      tmux: 'tmux',
      root: '/home/me/web',
      argv,
      env: {},
      stdout,
      run: tmux.run,
      attach: async (args) => (attached.push(args), 0),
    });
    expect(code).toBe(0);
    expect(tmux.calls[1]).toEqual([
      'new-session',
      '-d',
      '-s',
      'tovrun-web',
      '-x',
      '220',
      '-y',
      '60',
      '-c',
      '/home/me/web',
      '-P',
      '-F',
      '#{pane_id}',
      ...sessionCommand(argv),
    ]);
    expect(attached).toEqual([['attach-session', '-t', '=tovrun-web']]);
    expect(stdout.text()).toBe(
      `tovrun keeps running in tmux session tovrun-web: \`tmux -L tovrun-${rootHash('/home/me/web', process.platform)} attach -t tovrun-web\` returns to it, \`tovrun down\` stops it.\n`,
    );
  });

  it('refuses when the session already exists', async () => {
    const tmux = fakeTmux(() => ({ code: 0 }));
    await expect(
      runInNewTmuxSession({ tmux: 'tmux', root: '/w', argv, env: {}, stdout: memoryOutput(true), run: tmux.run, attach: async () => 0 }),
    ).rejects.toThrow('tovrun already runs in tmux session tovrun-w.');
  });

  it('keeps a failing run on screen until Enter, passing arguments through "$@" untouched', () => {
    const command = sessionCommand(['node', "it's a path"]);
    expect(command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(command[2]).toMatch(/^"\$@"; code=\$\?; case \$code in 0\|130\) ;; \*\) printf .*read reply ;; esac; exit \$code$/);
    expect(command.slice(3)).toEqual(['tovrun', 'node', "it's a path"]);
    expect(dedicatedServer('/w', 'linux')).toEqual({ socketName: `tovrun-${rootHash('/w', 'linux')}` });
  });
});
