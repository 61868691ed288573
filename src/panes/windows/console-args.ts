/** One titled console window per service, as the original script opened them: `cmd.exe /c start "title" /D "folder" program …`. */
import type { WindowsPane } from './wt-args.js';

/** A program and arguments to run with windowsVerbatimArguments (Node must not quote them again). */
export interface VerbatimCommand {
  file: string;
  args: string[];
  verbatim: true;
}

/** One argument for a Windows program's command line (MSVC rules), quoted also when cmd.exe would read a metacharacter in it. */
export function windowsArg(arg: string): string {
  if (arg !== '' && !/[\s"&|<>^()%!,;=]/.test(arg)) return arg;
  const escaped = arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1');
  return `"${escaped}"`;
}

/** The window title for `start`: in quotes, which it cannot hold, so a double quote becomes a single one. */
export function startTitle(title: string): string {
  return `"${title.replaceAll('"', "'")}"`;
}

/** cmd.exe /d /s /c "start "title" /D "folder" program args": a new console window running the pane's command. */
export function consoleWindowCommand(pane: WindowsPane): VerbatimCommand {
  const inner = ['start', startTitle(pane.title), '/D', `"${pane.cwd}"`, ...pane.command.map(windowsArg)].join(' ');
  return { file: 'cmd.exe', args: ['/d', '/s', '/c', `"${inner}"`], verbatim: true };
}
