import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { panesFilePath, readPanesFile } from '../../../src/panes/panes-file.js';
import { TmuxOpener } from '../../../src/panes/tmux/tmux-opener.js';
import { tempDir } from '../../supervisor/support.js';
import { fakeTmux, paneIds } from './support.js';

const request = (title: string) => ({ title, cwd: `/w/${title}`, command: ['node', 'agent', title], pipeCommand: ['node', 'agent', title, '--pipe'] });

describe('TmuxOpener', () => {
  it('beside tovrun: splits its window, titles and pipes each pane, tiles, records the panes; close kills them', async () => {
    const stateDir = tempDir();
    const tmux = fakeTmux(paneIds());
    const opener = new TmuxOpener({
      run: tmux.run,
      server: { socketPath: '/tmp/t' },
      placement: { kind: 'beside-tovrun', pane: '%1', ownSession: null },
      stateDir,
      ownerPid: 77,
    });
    await Promise.all([opener.open(request('api')), opener.open(request('web'))]);
    expect(tmux.calls).toEqual([
      ['split-window', '-d', '-t', '%1', '-c', '/w/api', '-P', '-F', '#{pane_id}', 'node', 'agent', 'api'],
      ['display-message', '-p', '-t', '%5', '#{window_id}'],
      ['set-option', '-w', '-t', '@2', 'pane-border-status', 'top'],
      ['set-option', '-w', '-t', '@2', 'pane-border-format', ' #{pane_title} '],
      ['select-pane', '-t', '%5', '-T', 'api'],
      ['pipe-pane', '-o', '-t', '%5', 'node agent api --pipe'],
      ['select-layout', '-t', '@2', 'tiled'],
      ['select-pane', '-t', '%1', '-T', 'tovrun'],
      ['split-window', '-d', '-t', '%5', '-c', '/w/web', '-P', '-F', '#{pane_id}', 'node', 'agent', 'web'],
      ['select-pane', '-t', '%6', '-T', 'web'],
      ['pipe-pane', '-o', '-t', '%6', 'node agent web --pipe'],
      ['select-layout', '-t', '@2', 'tiled'],
    ]);
    expect(readPanesFile(stateDir)).toEqual({ version: 1, ownerPid: 77, server: { socketPath: '/tmp/t' }, session: null, panes: ['%5', '%6'] });
    tmux.calls.length = 0;
    await opener.close();
    expect(tmux.calls).toEqual([
      ['kill-pane', '-t', '%5'],
      ['kill-pane', '-t', '%6'],
      ['set-option', '-w', '-u', '-t', '@2', 'pane-border-status'],
      ['set-option', '-w', '-u', '-t', '@2', 'pane-border-format'],
    ]);
    expect(existsSync(panesFilePath(stateDir))).toBe(false);
  });

  it('new session: replaces a leftover session of that name, records the session, and kills it at close', async () => {
    const stateDir = tempDir();
    const tmux = fakeTmux(paneIds(0));
    const opener = new TmuxOpener({
      run: tmux.run,
      server: { socketName: 'tovrun-x' },
      placement: { kind: 'new-session', session: 'tovrun-w' },
      stateDir,
      ownerPid: 9,
    });
    await opener.open(request('api'));
    expect(tmux.calls.slice(0, 2)).toEqual([
      ['kill-session', '-t', '=tovrun-w'],
      ['new-session', '-d', '-s', 'tovrun-w', '-x', '220', '-y', '60', '-c', '/w/api', '-P', '-F', '#{pane_id}', 'node', 'agent', 'api'],
    ]);
    expect(readPanesFile(stateDir)?.session).toBe('tovrun-w');
    tmux.calls.length = 0;
    await opener.close();
    expect(tmux.calls).toEqual([['kill-session', '-t', '=tovrun-w']]);
  });

  it('a failing tmux command is a FailedError quoting tmux, and later panes still open', async () => {
    const tmux = fakeTmux((args) => (args[0] === 'split-window' && args.includes('/w/bad') ? { code: 1, stderr: 'no space for new pane' } : paneIds()(args)));
    const opener = new TmuxOpener({
      run: tmux.run,
      server: { socketPath: '/t' },
      placement: { kind: 'beside-tovrun', pane: '%1', ownSession: 'own' },
      stateDir: tempDir(),
      ownerPid: 1,
    });
    await expect(opener.open(request('bad'))).rejects.toThrow('tmux split-window failed: no space for new pane.');
    await expect(opener.open(request('good'))).resolves.toBeUndefined();
  });
});
