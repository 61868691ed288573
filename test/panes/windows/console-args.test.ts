import { describe, expect, it } from 'vitest';
import { consoleWindowCommand, startTitle, windowsArg } from '../../../src/panes/windows/console-args.js';

describe('console window arguments', () => {
  it('quotes Windows arguments by MSVC rules, also around cmd metacharacters', () => {
    expect(windowsArg('plain.js')).toBe('plain.js');
    expect(windowsArg('\\\\.\\pipe\\tovrun-0123')).toBe('\\\\.\\pipe\\tovrun-0123');
    expect(windowsArg('C:\\Program Files\\nodejs\\node.exe')).toBe('"C:\\Program Files\\nodejs\\node.exe"');
    expect(windowsArg('say "hi"')).toBe('"say \\"hi\\""');
    expect(windowsArg('a\\"b')).toBe('"a\\\\\\"b"');
    expect(windowsArg('C:\\dir with space\\')).toBe('"C:\\dir with space\\\\"');
    expect(windowsArg('R&D;x')).toBe('"R&D;x"');
    expect(windowsArg('')).toBe('""');
  });

  it('puts the title in quotes, which it cannot hold', () => {
    expect(startTitle('front "end"')).toBe(`"front 'end'"`);
  });

  it('starts a titled window in the service folder running the agent, verbatim', () => {
    const command = consoleWindowCommand({
      title: 'front "end"; ui',
      cwd: 'C:\\Users\\Jo O;Brien\\my proj\\frontend',
      command: [
        'C:\\Program Files\\nodejs\\node.exe',
        'C:\\Users\\Jo O;Brien\\tovrun\\bin\\tovrun.js',
        '__pane-agent',
        '--socket',
        '\\\\.\\pipe\\tovrun-ab12',
        '--ticket',
        'cd34',
      ],
    });
    expect(command).toEqual({
      file: 'cmd.exe',
      args: [
        '/d',
        '/s',
        '/c',
        `"start "front 'end'; ui" /D "C:\\Users\\Jo O;Brien\\my proj\\frontend" "C:\\Program Files\\nodejs\\node.exe" "C:\\Users\\Jo O;Brien\\tovrun\\bin\\tovrun.js" __pane-agent --socket \\\\.\\pipe\\tovrun-ab12 --ticket cd34"`,
      ],
      verbatim: true,
    });
  });
});
