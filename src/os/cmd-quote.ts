/**
 * cmd.exe quoting for running a batch file (.cmd/.bat) as `cmd.exe /d /s /c "<line>"` with windowsVerbatimArguments.
 *
 * Node's child_process docs ("Spawning .bat and .cmd files on Windows") say batch files need a shell, and since
 * 20.12.2 (CVE-2024-27980) spawn refuses them without one (EINVAL); the caller must then quote for cmd.exe itself.
 * Microsoft's cmd docs (https://learn.microsoft.com/windows-server/administration/windows-commands/cmd) describe /s:
 * the outer quotes of the /c string are removed and the rest is one command line, parsed with cmd's special
 * characters (& | < > ( ) ^ %, quotes toggling); a caret escapes the next character. This follows cross-spawn's
 * escaping (lib/util/escape.js, after https://qntm.org/cmd), its argv quoting corrected: each argument is quoted by the C runtime's rules that the
 * final program's argv parser undoes (CommandLineToArgvW, "Parsing C++ command-line arguments"), then every cmd
 * metacharacter (quotes included) gets a caret, so cmd passes it on literally and `%NAME%` is never expanded.
 */

const metaCharacters = /([()\][%!^"`<>&|;, *?])/g;

/**
 * The batch file's path for the /c line: in quotes, so spaces, &, ^ and parentheses in folder names are plain text
 * (a Windows file name cannot contain a quote). Caret-escaped spaces are not enough: Wine's cmd.exe then takes the
 * whole line as the program's name.
 */
export function quoteCmdProgram(program: string): string {
  return `"${program}"`;
}

/**
 * An argument quoted for the program's argv parser (Microsoft, "Parsing C++ command-line arguments"): backslashes
 * before a quote or before the closing quote are doubled, a quote gets one more. A loop, linear in the length (a
 * regular expression either backtracks on long backslash runs or, as cross-spawn 7.0.6's lazy form does, miscounts
 * two or more backslashes before a quote).
 */
export function quoteArgvArgument(argument: string): string {
  let quoted = '"';
  let backslashes = 0;
  for (const char of argument) {
    if (char === '\\') {
      backslashes++;
      continue;
    }
    quoted += char === '"' ? `${'\\'.repeat(backslashes * 2 + 1)}"` : `${'\\'.repeat(backslashes)}${char}`;
    backslashes = 0;
  }
  return `${quoted}${'\\'.repeat(backslashes * 2)}"`;
}

/**
 * One argument, quoted for the program's argv parser and caret-escaped for cmd.exe. doubleEscape adds a second
 * layer for a batch file that uses its arguments on a command line of its own (`%*`), where cmd parses them once more.
 */
export function escapeCmdArgument(argument: string, doubleEscape = false): string {
  const escaped = quoteArgvArgument(argument).replace(metaCharacters, '^$1');
  return doubleEscape ? escaped.replace(metaCharacters, '^$1') : escaped;
}

/**
 * The `/c` string for running a batch file with arguments: the program in quotes, each argument escaped twice, the
 * whole in quotes for /s. Twice, because cmd.exe parses an argument again where the batch file uses it: npm.cmd,
 * npx.cmd, yarn.cmd and every npm cmd-shim pass `%*` on to node, and a single escape lets a quote inside one argument
 * turn the &, | or < of the next into a command (cross-spawn doubles only for node_modules\.bin shims, so npm.cmd
 * with `a"b` then `x&y` runs `y`). A batch file that compares `%~1` in an `if` sees the carets.
 */
export function cmdLine(batchFile: string, args: readonly string[]): string {
  return `"${[quoteCmdProgram(batchFile), ...args.map((arg) => escapeCmdArgument(arg, true))].join(' ')}"`;
}
