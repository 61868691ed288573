import { describe, expect, it } from 'vitest';
import { paneLayout, panesInTabAfter, panesPerTab, windowsTerminalArgs, wtEscape } from '../../../src/panes/windows/wt-args.js';

const node = 'C:\\Program Files\\nodejs\\node.exe';
const cli = 'C:\\Users\\Jo "JJ" O;Brien\\tovrun\\bin\\tovrun.js';
const agent = (ticket: string) => [node, cli, '__pane-agent', '--socket', '\\\\.\\pipe\\tovrun-0123456789abcdef', '--ticket', ticket];

describe('Windows Terminal arguments', () => {
  it('escapes ; everywhere (wt splits on it even inside an argument) and leaves quoting to the command line', () => {
    expect(wtEscape('a;b;;c')).toBe('a\\;b\\;\\;c');
    expect(wtEscape('C:\\My Folder\\x')).toBe('C:\\My Folder\\x');
  });

  it('opens every pane in one new tab, titled, in its folder, separated by ;', () => {
    const args = windowsTerminalArgs(
      [
        { title: 'backend', cwd: 'C:\\Users\\Jo "JJ" O;Brien\\proj\\backend', command: agent('aa11') },
        { title: 'front "end"; ui', cwd: 'C:\\proj with space\\frontend', command: agent('bb22') },
      ],
      0,
    );
    expect(args).toEqual([
      '-w',
      '0',
      'new-tab',
      '--title',
      'backend',
      '--suppressApplicationTitle',
      '-d',
      'C:\\Users\\Jo "JJ" O\\;Brien\\proj\\backend',
      'C:\\Program Files\\nodejs\\node.exe',
      'C:\\Users\\Jo "JJ" O\\;Brien\\tovrun\\bin\\tovrun.js',
      '__pane-agent',
      '--socket',
      '\\\\.\\pipe\\tovrun-0123456789abcdef',
      '--ticket',
      'aa11',
      ';',
      'split-pane',
      '--size',
      '0.5',
      '--title',
      'front "end"\\; ui',
      '--suppressApplicationTitle',
      '-d',
      'C:\\proj with space\\frontend',
      'C:\\Program Files\\nodejs\\node.exe',
      'C:\\Users\\Jo "JJ" O\\;Brien\\tovrun\\bin\\tovrun.js',
      '__pane-agent',
      '--socket',
      '\\\\.\\pipe\\tovrun-0123456789abcdef',
      '--ticket',
      'bb22',
    ]);
  });

  it('adds panes to the current tab when the tab is already open', () => {
    expect(windowsTerminalArgs([{ title: 'db', cwd: 'C:\\p', command: ['node.exe', 'x.js'] }], 2)).toEqual([
      '-w',
      '0',
      'split-pane',
      '--title',
      'db',
      '--suppressApplicationTitle',
      '-d',
      'C:\\p',
      'node.exe',
      'x.js',
    ]);
  });

  // Microsoft docs, "Using command line arguments for Windows Terminal"
  // (https://learn.microsoft.com/windows/terminal/command-line-arguments): `new-tab` opens a tab, `split-pane` splits
  // the focused pane and `--size, -s` is the new pane's portion of the pane it splits (0.4 for 40%). Windows Terminal
  // drops a split that leaves a pane below one character cell without a word (microsoft/terminal,
  // TerminalPage::_SplitPane returns when Tab::PreCalculateCanSplit finds no room), so the pane's agent would never
  // connect and tovrun would give up after 15 s: panes beyond a full tab go to a new tab instead.
  it('gives the panes of a new tab equal shares and starts another tab once one holds panesPerTab', () => {
    expect(panesPerTab).toBe(4);
    expect(paneLayout(4, 0)).toEqual([
      { kind: 'new-tab' },
      { kind: 'split-pane', size: 0.75 },
      { kind: 'split-pane', size: 0.667 },
      { kind: 'split-pane', size: 0.5 },
    ]);
    expect(paneLayout(6, 0)).toEqual([
      { kind: 'new-tab' },
      { kind: 'split-pane', size: 0.75 },
      { kind: 'split-pane', size: 0.667 },
      { kind: 'split-pane', size: 0.5 },
      { kind: 'new-tab' },
      { kind: 'split-pane', size: 0.5 },
    ]);
    expect(paneLayout(3, 3)).toEqual([{ kind: 'split-pane', size: null }, { kind: 'new-tab' }, { kind: 'split-pane', size: 0.5 }]);
    expect([panesInTabAfter(6, 0), panesInTabAfter(1, 2), panesInTabAfter(3, 3), panesInTabAfter(1, 4)]).toEqual([2, 3, 2, 1]);
  });

  it('writes the sizes and the second tab into one wt command line', () => {
    const panes = ['a', 'b', 'c', 'd', 'e'].map((title) => ({ title, cwd: 'C:\\p', command: ['node.exe'] }));
    const commands = windowsTerminalArgs(panes, 0).join(' ').split(' ; ');
    expect(commands).toEqual([
      '-w 0 new-tab --title a --suppressApplicationTitle -d C:\\p node.exe',
      'split-pane --size 0.75 --title b --suppressApplicationTitle -d C:\\p node.exe',
      'split-pane --size 0.667 --title c --suppressApplicationTitle -d C:\\p node.exe',
      'split-pane --size 0.5 --title d --suppressApplicationTitle -d C:\\p node.exe',
      'new-tab --title e --suppressApplicationTitle -d C:\\p node.exe',
    ]);
  });
});
