import { describe, expect, it } from 'vitest';
import type { PaneRequest } from '../../../src/panes/agent/pane-launcher.js';
import { ConsoleWindowOpener, type DetachedStart, WindowsTerminalOpener } from '../../../src/panes/windows/windows-opener.js';

function recorder(): { start: DetachedStart; calls: [string, string[], boolean][] } {
  const calls: [string, string[], boolean][] = [];
  return { calls, start: async (file, args, verbatim) => void calls.push([file, args, verbatim]) };
}

const request = (title: string): PaneRequest => ({
  title,
  cwd: `C:\\p\\${title}`,
  command: ['node.exe', 'tovrun.js', '__pane-agent', '--ticket', title],
  pipeCommand: null,
});

describe('WindowsTerminalOpener', () => {
  it('opens the panes asked for together in one wt call, and later ones as splits', async () => {
    const { start, calls } = recorder();
    const opener = new WindowsTerminalOpener('C:\\wt.exe', start);
    expect(opener.pipesOutput).toBe(false);
    await Promise.all([opener.open(request('a')), opener.open(request('b'))]);
    await opener.open(request('c'));
    expect(calls.map(([file, args, verbatim]) => [file, args.filter((arg) => ['new-tab', 'split-pane', ';'].includes(arg)), verbatim])).toEqual([
      ['C:\\wt.exe', ['new-tab', ';', 'split-pane'], false],
      ['C:\\wt.exe', ['split-pane'], false],
    ]);
  });

  it('opens panes that would not fit the current tab in a new one, in the same batch and in later ones', async () => {
    const { start, calls } = recorder();
    const opener = new WindowsTerminalOpener('C:\\wt.exe', start);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((title) => opener.open(request(title))));
    await opener.open(request('f'));
    await opener.open(request('g'));
    await opener.open(request('h'));
    await opener.open(request('i'));
    const commands = calls.map(([, args]) => args.filter((arg) => ['new-tab', 'split-pane'].includes(arg)));
    expect(commands).toEqual([['new-tab', 'split-pane', 'split-pane', 'split-pane', 'new-tab'], ['split-pane'], ['split-pane'], ['split-pane'], ['new-tab']]);
  });

  it('fails every pane of a batch when wt cannot start', async () => {
    const opener = new WindowsTerminalOpener('wt', async () => {
      throw new Error('spawn wt ENOENT');
    });
    const results = await Promise.allSettled([opener.open(request('a')), opener.open(request('b'))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('ConsoleWindowOpener', () => {
  it('starts one titled console window per pane through cmd.exe, verbatim', async () => {
    const { start, calls } = recorder();
    const opener = new ConsoleWindowOpener(start);
    await opener.open(request('api'));
    expect(calls).toEqual([['cmd.exe', ['/d', '/s', '/c', '"start "api" /D "C:\\p\\api" node.exe tovrun.js __pane-agent --ticket api"'], true]]);
  });
});
