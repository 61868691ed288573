import { describe, expect, it } from 'vitest';
import {
  attachHint,
  borderArgs,
  currentServer,
  newSessionArgs,
  pipePaneArgs,
  serverArgs,
  shellCommand,
  shellQuote,
  splitWindowArgs,
  tmuxSessionName,
} from '../../../src/panes/tmux/tmux-command.js';

describe('tmux command lines', () => {
  it('addresses the server tovrun runs in by socket path, a dedicated one by name', () => {
    expect(currentServer({ TMUX: '/tmp/tmux-1000/default,4242,0' })).toEqual({ socketPath: '/tmp/tmux-1000/default' });
    expect(currentServer({})).toBeNull();
    expect(serverArgs({ socketPath: '/tmp/s' })).toEqual(['-S', '/tmp/s']);
    expect(serverArgs({ socketName: 'tovrun-ab' })).toEqual(['-L', 'tovrun-ab']);
  });

  it('quotes for /bin/sh: plain words as they are, anything else in single quotes', () => {
    expect(shellQuote('/usr/bin/node')).toBe('/usr/bin/node');
    expect(shellQuote("/home/o'brien/my proj/$HOME;`x`")).toBe(`'/home/o'\\''brien/my proj/$HOME;\`x\`'`);
    expect(shellQuote('')).toBe(`''`);
    expect(shellCommand(['node', '/a b/tovrun.js', '--pipe'])).toBe(`node '/a b/tovrun.js' --pipe`);
  });

  it('names the session after the workspace folder without . and :', () => {
    expect(tmuxSessionName('/home/me/Tov.Play:web')).toBe('tovrun-Tov-Play-web');
    expect(tmuxSessionName('/')).toBe('tovrun-workspace');
    // Each instance of a workspace (tovrun --instance 2) has its own session; instance 0's name is unchanged.
    expect(tmuxSessionName('/home/me/web', 2)).toBe('tovrun-web-i2');
    expect(tmuxSessionName('/home/me/web', 0)).toBe('tovrun-web');
  });

  it('runs pane commands as argv (no shell) and pipes output through /bin/sh', () => {
    const agent = ['/usr/bin/node', "/opt/o'b/bin/tovrun.js", '__pane-agent', '--socket', '/w s/.tovrun/control/tovrun.sock', '--ticket', 'ab'];
    expect(newSessionArgs('tovrun-w', '/w s', agent)).toEqual([
      'new-session',
      '-d',
      '-s',
      'tovrun-w',
      '-x',
      '220',
      '-y',
      '60',
      '-c',
      '/w s',
      '-P',
      '-F',
      '#{pane_id}',
      ...agent,
    ]);
    expect(splitWindowArgs('%1', '/w s', agent)).toEqual(['split-window', '-d', '-t', '%1', '-c', '/w s', '-P', '-F', '#{pane_id}', ...agent]);
    expect(pipePaneArgs('%2', [...agent, '--pipe'])).toEqual([
      'pipe-pane',
      '-o',
      '-t',
      '%2',
      `/usr/bin/node '/opt/o'\\''b/bin/tovrun.js' __pane-agent --socket '/w s/.tovrun/control/tovrun.sock' --ticket ab --pipe`,
    ]);
    expect(borderArgs('@3')).toEqual([
      ['set-option', '-w', '-t', '@3', 'pane-border-status', 'top'],
      ['set-option', '-w', '-t', '@3', 'pane-border-format', ' #{pane_title} '],
    ]);
  });

  it('tells the user how to attach', () => {
    expect(attachHint({ socketName: 'tovrun-ab' }, 'tovrun-web')).toBe('tmux -L tovrun-ab attach -t tovrun-web');
  });
});
