// cmd.exe quoting of a batch file's command line. What Wine's cmd.exe runs for real is in test/windows/services.test.ts;
// here each argument is checked against the two documented parsers it must pass: cmd.exe, where a caret escapes the
// next character and an unescaped & | < > ( ) % " would act (Microsoft, "cmd" and "Command shell overview":
// https://learn.microsoft.com/windows-server/administration/windows-commands/cmd), then the program's argv parser
// (Microsoft, "Parsing C++ command-line arguments": 2n backslashes before a quote give n and the quote delimits,
// 2n+1 give n and a literal quote, other backslashes are literal). Node's child_process docs ("Spawning .bat and .cmd
// files on Windows") are why a batch file needs cmd.exe at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmdLine, escapeCmdArgument } from '../../src/os/cmd-quote.js';

const cmdSpecial = /[()\][%!^"`<>&|;, *?]/;

/** cmd.exe's caret pass over a fully escaped line: `^x` is x; an unescaped special character is a failure. */
function cmdUnescape(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === '^') out += line[++i] ?? '';
    else if (char !== ' ' && cmdSpecial.test(char)) throw new Error(`unescaped ${JSON.stringify(char)} in ${line}`);
    else out += char;
  }
  return out;
}

/** The Microsoft C runtime's argv parsing of a command-line tail. */
function parseArgv(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') {
      let count = 0;
      while (line[i] === '\\') count++, i++;
      if (line[i] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) current += '"';
        else (quoted = !quoted), (started = true);
      } else {
        current += '\\'.repeat(count);
        i--;
      }
      started = true;
    } else if (char === '"') {
      quoted = !quoted;
      started = true;
    } else if ((char === ' ' || char === '\t') && !quoted) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) args.push(current);
  return args;
}

describe('escapeCmdArgument', () => {
  it.each([
    ['plain', '^"plain^"'],
    ['with space', '^"with^ space^"'],
    ['a&b', '^"a^&b^"'],
    ['%PATH%', '^"^%PATH^%^"'],
    ['say "hi"', '^"say^ \\^"hi\\^"^"'],
    ['C:\\dir\\', '^"C:\\dir\\\\^"'],
    ['(x) ^ | <y>', '^"^(x^)^ ^^^ ^|^ ^<y^>^"'],
    ['', '^"^"'],
  ])('%j becomes %s', (argument, escaped) => {
    expect(escapeCmdArgument(argument)).toBe(escaped);
  });

  it('counts runs of backslashes before a quote and at the end (where cross-spawn 7.0.6 gives one backslash too few)', () => {
    for (const argument of ['\\\\', 'x\\\\"y', '\\\\\\"', 'C:\\a b\\\\']) expect(parseArgv(cmdUnescape(escapeCmdArgument(argument)))).toEqual([argument]);
  });

  it('survives cmd.exe and then the argv parser unchanged, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '&', '^', '%', '"', '\\', '(', ')', '|', '<', '>', '!', 'é', ',', ';') }), (argument) => {
        expect(parseArgv(cmdUnescape(escapeCmdArgument(argument)))).toEqual([argument]);
      }),
    );
  });

  it('escaped twice, it survives cmd.exe twice (the /c line, then a batch file passing %* on)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '&', '^', '%', '"', '\\', '(', ')') }), (argument) => {
        expect(parseArgv(cmdUnescape(cmdUnescape(escapeCmdArgument(argument, true))))).toEqual([argument]);
      }),
    );
  });
});

describe('cmdLine', () => {
  it('quotes the program (spaces, &, parentheses in folder names) and escapes every argument twice, the whole quoted for /s', () => {
    expect(cmdLine('C:\\Program Files (x86)\\a&b\\serve.cmd', ['--port', '5 0'])).toBe(
      '""C:\\Program Files (x86)\\a&b\\serve.cmd" ^^^"--port^^^" ^^^"5^^^ 0^^^""',
    );
  });

  it('keeps an argument whole through the /c line and the batch file passing %* on, even after one with a quote', () => {
    // npm.cmd ends in `"%NODE_EXE%" "%NPM_CLI_JS%" %*`: cmd parses the arguments once for the /c line, once more there.
    const args = ['a"b', 'x&y<z>', '50%', '(p)'];
    const line = cmdLine('C:\\nodejs\\npm.cmd', args).slice(1, -1);
    const program = '"C:\\nodejs\\npm.cmd" ';
    expect(line.startsWith(program)).toBe(true);
    expect(parseArgv(cmdUnescape(cmdUnescape(line.slice(program.length))))).toEqual(args);
  });
});
