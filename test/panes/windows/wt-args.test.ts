import { describe, expect, it } from 'vitest';
import { windowsTerminalArgs, wtEscape } from '../../../src/panes/windows/wt-args.js';

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
      true,
    );
    expect(args).toEqual([
      '-w', '0',
      'new-tab', '--title', 'backend', '--suppressApplicationTitle', '-d', 'C:\\Users\\Jo "JJ" O\\;Brien\\proj\\backend',
      'C:\\Program Files\\nodejs\\node.exe', 'C:\\Users\\Jo "JJ" O\\;Brien\\tovrun\\bin\\tovrun.js', '__pane-agent', '--socket', '\\\\.\\pipe\\tovrun-0123456789abcdef', '--ticket', 'aa11',
      ';',
      'split-pane', '--title', 'front "end"\\; ui', '--suppressApplicationTitle', '-d', 'C:\\proj with space\\frontend',
      'C:\\Program Files\\nodejs\\node.exe', 'C:\\Users\\Jo "JJ" O\\;Brien\\tovrun\\bin\\tovrun.js', '__pane-agent', '--socket', '\\\\.\\pipe\\tovrun-0123456789abcdef', '--ticket', 'bb22',
    ]);
  });

  it('adds panes to the current tab when the tab is already open', () => {
    expect(windowsTerminalArgs([{ title: 'db', cwd: 'C:\\p', command: ['node.exe', 'x.js'] }], false)).toEqual([
      '-w', '0', 'split-pane', '--title', 'db', '--suppressApplicationTitle', '-d', 'C:\\p', 'node.exe', 'x.js',
    ]);
  });
});
